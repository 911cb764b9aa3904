#ifndef TERMDASH_CQRENCODE_SHIM_H
#define TERMDASH_CQRENCODE_SHIM_H
// libqrencode (Debian's libqrencode-dev) for the portal's 2FA QR code; every call is in
// Sources/TermDash/Portal/QRMatrix.swift.
#include <qrencode.h>
#endif
