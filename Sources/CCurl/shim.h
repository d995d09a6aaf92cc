#ifndef CONTACTDESK_CCURL_SHIM_H
#define CONTACTDESK_CCURL_SHIM_H
#include <curl/curl.h>

/* Swift cannot import the CURL_GLOBAL_DEFAULT macro expression, so expose it as a function. */
static inline CURLcode cd_curl_global_init(void) { return curl_global_init(CURL_GLOBAL_DEFAULT); }

/* curl_easy_setopt is variadic, which Swift cannot call: one typed wrapper per argument kind. */
static inline CURLcode cd_curl_setopt_long(CURL *h, CURLoption o, long v) { return curl_easy_setopt(h, o, v); }
/* Typed setopt for string options (libcurl copies strings since 7.17). */
static inline CURLcode cd_curl_setopt_string(CURL *h, CURLoption o, const char *v) { return curl_easy_setopt(h, o, v); }
/* Typed setopt for opaque pointers (WRITEDATA, XFERINFODATA, ERRORBUFFER, HTTPHEADER). */
static inline CURLcode cd_curl_setopt_pointer(CURL *h, CURLoption o, void *v) { return curl_easy_setopt(h, o, v); }
/* Typed setopt for curl_off_t values (POSTFIELDSIZE_LARGE), whose width differs from long on some ABIs. */
static inline CURLcode cd_curl_setopt_off(CURL *h, CURLoption o, curl_off_t v) { return curl_easy_setopt(h, o, v); }

typedef size_t (*cd_curl_write_fn)(char *data, size_t size, size_t count, void *user);
/* Typed setopt for CURLOPT_WRITEFUNCTION: a function pointer cannot go through the void* wrapper portably. */
static inline CURLcode cd_curl_setopt_write_function(CURL *h, cd_curl_write_fn f) { return curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, f); }

typedef int (*cd_curl_xferinfo_fn)(void *user, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal, curl_off_t ulnow);
/* Typed setopt for CURLOPT_XFERINFOFUNCTION, the hook through which a cancelled Task aborts a transfer. */
static inline CURLcode cd_curl_setopt_xferinfo_function(CURL *h, cd_curl_xferinfo_fn f) { return curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, f); }

/* curl_easy_getinfo is variadic too: typed wrappers for long and double results. */
static inline CURLcode cd_curl_getinfo_long(CURL *h, CURLINFO i, long *v) { return curl_easy_getinfo(h, i, v); }
/* Typed getinfo for double results (timings). */
static inline CURLcode cd_curl_getinfo_double(CURL *h, CURLINFO i, double *v) { return curl_easy_getinfo(h, i, v); }

#endif
