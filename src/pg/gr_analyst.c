/*
 * gr_analyst.c - govreport_split(doc text): the text of every report of a
 * document, so that a table keeping one raw text per report (the analyst
 * schema, the loader) can let govreport_enforce parse each one.
 */
#include "postgres.h"

#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"

#include "govreport.h"

PG_FUNCTION_INFO_V1(govreport_split);

/*
 * govreport_split(doc text) RETURNS TABLE(part integer, report_text text)
 *
 * The reports govreport_parse_all() finds, in the same order (a verbatim
 * repeat once), as the span of the document each was read from.
 */
Datum
govreport_split(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	GrInput		in;
	gr_report  *reports;
	size_t		n;

	InitMaterializedSRF(fcinfo, 0);
	gr_pg_input_text(PG_GETARG_DATUM(0), &in);
	n = gr_pg_parse_all(&in, &reports);

	for (size_t i = 0; i < n; i++)
	{
		Datum		values[2];
		bool		nulls[2] = {false, false};
		size_t		start = reports[i].start;
		size_t		end = reports[i].end;

		CHECK_FOR_INTERRUPTS();
		if (end > in.len)
			end = in.len;
		if (start > end)
			start = end;
		values[0] = Int32GetDatum((int32) (i + 1));
		values[1] = CStringGetTextDatum(gr_pg_from_utf8(in.buf + start, end - start));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
