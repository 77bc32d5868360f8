/*
 * govreport.c - module magic, GUCs and version functions of govreport.
 */
#include "postgres.h"

#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/memutils.h"

#include <unicode/uversion.h>

#include "govreport.h"

PG_MODULE_MAGIC;

/* Largest document, in bytes, that the parse functions accept. */
int			govreport_max_input_bytes = 64 * 1024 * 1024;

void		_PG_init(void);

/*
 * Define the govreport.* settings.  Nothing here can fail halfway.
 */
void
_PG_init(void)
{
	DefineCustomIntVariable("govreport.max_input_bytes",
							"Largest document the govreport parse functions accept.",
							"Longer text raises SQLSTATE 54000 before it is read.",
							&govreport_max_input_bytes,
							64 * 1024 * 1024,
							1,
							(int) MaxAllocSize,
							PGC_USERSET,
							GUC_UNIT_BYTE,
							NULL, NULL, NULL);

	MarkGUCPrefixReserved("govreport");
}

PG_FUNCTION_INFO_V1(govreport_icu_version);

/*
 * govreport_icu_version() - version of the ICU library in use, e.g. "72.1".
 */
Datum
govreport_icu_version(PG_FUNCTION_ARGS)
{
	UVersionInfo v;
	char		buf[U_MAX_VERSION_STRING_LENGTH];

	u_getVersion(v);
	u_versionToString(v, buf);
	PG_RETURN_TEXT_P(cstring_to_text(buf));
}

PG_FUNCTION_INFO_V1(govreport_version);

/*
 * govreport_version() - version of this shared library.
 */
Datum
govreport_version(PG_FUNCTION_ARGS)
{
	PG_RETURN_TEXT_P(cstring_to_text(GOVREPORT_VERSION));
}
