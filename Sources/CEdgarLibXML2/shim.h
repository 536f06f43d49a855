#ifndef CEDGAR_LIBXML2_SHIM_H
#define CEDGAR_LIBXML2_SHIM_H
/* -I/usr/include/libxml2 comes from `pkg-config --cflags libxml-2.0`. */
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU; Foundation ships its own ICU headers. Without this, debug builds that
   import Foundation and this module fail with "'UErrorCode' has different definitions in different modules".
   It only changes the private tail of xmlCharEncodingHandler, which Swift never touches. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#include <libxml/HTMLparser.h>

/* Swift 6 rejects the mutable global function pointer `xmlFree`. */
static inline void cedgar_xml_free(void *p) { xmlFree(p); }
/* Deny every external entity and DTD load: defence in depth against XXE. */
static xmlParserInputPtr cedgar_xml_deny_loader(const char *URL, const char *ID, xmlParserCtxtPtr ctxt) {
    (void)URL; (void)ID; (void)ctxt;
    return NULL;
}
static inline void cedgar_xml_install_deny_loader(void) { xmlSetExternalEntityLoader(cedgar_xml_deny_loader); }
#endif
