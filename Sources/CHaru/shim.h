#ifndef TERMDASH_CHARU_SHIM_H
#define TERMDASH_CHARU_SHIM_H
// libharu (Debian's libhpdf-dev) for the invoice PDF; every call is in Sources/TermDash/Billing/InvoicePDF.swift.
#include <hpdf.h>
#endif
