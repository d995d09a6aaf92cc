#ifndef CONTACTDESK_CZLIB_SHIM_H
#define CONTACTDESK_CZLIB_SHIM_H
#include <zlib.h>

/* compressBound and friends are plain functions, but Z_OK etc. are macros Swift imports as Int32:
   this wrapper pins the UserSig level so the call site needs no zlib constants. */
static inline int cd_zlib_compress(unsigned char *dest, unsigned long *destLen, const unsigned char *src, unsigned long srcLen) {
    return compress2(dest, destLen, src, srcLen, Z_BEST_COMPRESSION);
}
/* uncompress takes uLongf*, whose spelling differs between zlib builds; a fixed signature keeps Swift portable. */
static inline int cd_zlib_uncompress(unsigned char *dest, unsigned long *destLen, const unsigned char *src, unsigned long srcLen) {
    return uncompress(dest, destLen, src, srcLen);
}
#endif
