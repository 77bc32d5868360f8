/*
 * gr_trigger.c - enforcing the reconciliation rules where the data lives.
 *
 * govreport_enforce()             BEFORE INSERT OR UPDATE ... FOR EACH ROW
 *     args: raw text column, govreport column [, mode]
 *     Derives the report column from the raw text (like
 *     tsvector_update_trigger), then applies the strict rules.
 *
 * govreport_enforce_continuity()  CONSTRAINT TRIGGER AFTER INSERT OR UPDATE
 *                                 DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
 *     args: govreport column, body key column, year column [, mode]
 *     R13: carried_over(Y)[c] = carried_forward(Y-1)[c] in every applicant
 *     column, checked against the previous and the next year's row of the
 *     same body, whichever arrives second.
 *
 * Modes:
 *   error       (default) SQLSTATE 23514 with the table and the trigger as
 *               constraint in the error fields, one violation per DETAIL line
 *   warn        WARNING with the same text; the row is written
 *   quarantine  the load goes on and nothing is lost: an entry goes to
 *               @extschema@.govreport_quarantine with the whole row as jsonb,
 *               the raw text, the parsed report and every violation (or the
 *               parse error).  govreport_enforce diverts the failing row (it
 *               is not written to the table, which keeps only reconciled
 *               reports); a text that does not parse is quarantined the same
 *               way instead of aborting the statement.  The continuity
 *               trigger cannot tell which of two years is wrong, so it keeps
 *               the row and records the break.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/tableam.h"
#include "access/xact.h"
#include "catalog/partition.h"
#include "catalog/pg_type.h"
#include "commands/trigger.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/memutils.h"
#include "utils/rel.h"
#include "utils/resowner.h"
#include "utils/snapmgr.h"
#include "utils/syscache.h"
#include "utils/typcache.h"

#include "govreport.h"
#include "gr_check.h"
#include "gr_pgmem.h"

typedef enum gr_mode
{
	GR_MODE_ERROR,
	GR_MODE_WARN,
	GR_MODE_QUARANTINE
} gr_mode;

/* ----------------------------------------------------- trigger plumbing */

/* The trigger data, after checking how the function was fired (09000). */
static TriggerData *
trigger_context(FunctionCallInfo fcinfo, const char *fname, bool before)
{
	TriggerData *td;
	const char *tgname;

	if (!CALLED_AS_TRIGGER(fcinfo))
		ereport(ERROR,
				(errcode(ERRCODE_TRIGGERED_ACTION_EXCEPTION),
				 errmsg("function %s was not called by the trigger manager", fname),
				 errhint("Use it in CREATE TRIGGER ... EXECUTE FUNCTION %s(...).", fname)));
	td = (TriggerData *) fcinfo->context;
	tgname = td->tg_trigger->tgname;
	if (!TRIGGER_FIRED_FOR_ROW(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_TRIGGERED_ACTION_EXCEPTION),
				 errmsg("trigger \"%s\" on relation \"%s\" must be FOR EACH ROW",
						tgname, RelationGetRelationName(td->tg_relation))));
	if (before ? !TRIGGER_FIRED_BEFORE(td->tg_event) : !TRIGGER_FIRED_AFTER(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_TRIGGERED_ACTION_EXCEPTION),
				 errmsg("trigger \"%s\" on relation \"%s\" must be fired %s INSERT OR UPDATE",
						tgname, RelationGetRelationName(td->tg_relation),
						before ? "BEFORE" : "AFTER")));
	if (!TRIGGER_FIRED_BY_INSERT(td->tg_event) && !TRIGGER_FIRED_BY_UPDATE(td->tg_event))
		ereport(ERROR,
				(errcode(ERRCODE_TRIGGERED_ACTION_EXCEPTION),
				 errmsg("trigger \"%s\" on relation \"%s\" must be fired on INSERT or UPDATE",
						tgname, RelationGetRelationName(td->tg_relation))));
	return td;
}

/* Attribute number of a column named by a trigger argument (42703 / 42804). */
static int
trigger_column(TriggerData *td, const char *name)
{
	Relation	rel = td->tg_relation;
	int			att = SPI_fnumber(RelationGetDescr(rel), name);

	if (att == SPI_ERROR_NOATTRIBUTE)
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_COLUMN),
				 errmsg("column \"%s\" of relation \"%s\" does not exist",
						name, RelationGetRelationName(rel)),
				 errdetail("Trigger \"%s\" names it as an argument.",
						   td->tg_trigger->tgname)));
	if (att <= 0)
		ereport(ERROR,
				(errcode(ERRCODE_DATATYPE_MISMATCH),
				 errmsg("trigger \"%s\" cannot use system column \"%s\"",
						td->tg_trigger->tgname, name)));
	return att;
}

static Oid
column_type(TriggerData *td, int att)
{
	return getBaseType(TupleDescAttr(RelationGetDescr(td->tg_relation), att - 1)->atttypid);
}

static void
wrong_type(TriggerData *td, const char *col, const char *expected)
{
	ereport(ERROR,
			(errcode(ERRCODE_DATATYPE_MISMATCH),
			 errmsg("column \"%s\" of relation \"%s\" is of type %s, but trigger \"%s\" needs %s",
					col, RelationGetRelationName(td->tg_relation),
					format_type_be(TupleDescAttr(RelationGetDescr(td->tg_relation),
												 SPI_fnumber(RelationGetDescr(td->tg_relation), col) - 1)->atttypid),
					td->tg_trigger->tgname, expected)));
}

/* Namespace of the extension: the schema of the trigger function itself. */
static Oid
ext_namespace(FunctionCallInfo fcinfo)
{
	return get_func_namespace(fcinfo->flinfo->fn_oid);
}

/* The extension's govreport type, found through its schema, never by search_path. */
static Oid
govreport_type(FunctionCallInfo fcinfo)
{
	Oid			nsp = ext_namespace(fcinfo);
	Oid			typ = GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
									  CStringGetDatum("govreport"),
									  ObjectIdGetDatum(nsp));

	if (!OidIsValid(typ))
		elog(ERROR, "type govreport not found in schema %u", nsp);
	return typ;
}

static void
check_report_column(FunctionCallInfo fcinfo, TriggerData *td, int att,
					const char *name)
{
	if (column_type(td, att) != govreport_type(fcinfo))
		wrong_type(td, name, "govreport");
}

static gr_mode
trigger_mode(TriggerData *td, const char *arg)
{
	if (strcmp(arg, "error") == 0)
		return GR_MODE_ERROR;
	if (strcmp(arg, "warn") == 0)
		return GR_MODE_WARN;
	if (strcmp(arg, "quarantine") == 0)
		return GR_MODE_QUARANTINE;
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("invalid mode \"%s\" for trigger \"%s\"", arg, td->tg_trigger->tgname),
			 errhint("The mode is error, warn or quarantine.")));
	return GR_MODE_ERROR;		/* keep the compiler quiet */
}

static const char *
operation_name(TriggerData *td)
{
	return TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? "UPDATE" : "INSERT";
}

/* ------------------------------------------------------------ quarantine */

typedef struct quarantine_entry
{
	const char *reason;			/* 'violation', 'parse_error', 'continuity' */
	bool		diverted;		/* the row was not written to the table */
	Datum		raw;			/* text, or 0 */
	bool		raw_null;
	Datum		report;			/* govreport, or 0 */
	bool		report_null;
	HeapTuple	row;			/* the row as it was to be written */
	const char *violations;		/* JSON array text, or NULL */
	ErrorData  *error;			/* parse error, or NULL */
} quarantine_entry;

/*
 * Insert one row into @extschema@.govreport_quarantine through SPI (so its
 * defaults, identity, row-level security and constraints apply).  The
 * statement is built from quoted identifiers only; every value is a
 * parameter.  Call without an open SPI connection.
 */
static void
quarantine_insert(FunctionCallInfo fcinfo, TriggerData *td,
				  const quarantine_entry *q)
{
	Relation	rel = td->tg_relation;
	char	   *nsp = get_namespace_name(ext_namespace(fcinfo));
	StringInfoData sql;
	Oid			argtypes[12];
	Datum		values[12];
	char		nulls[12];
	int			rc;

	initStringInfo(&sql);
	appendStringInfo(&sql,
					 "INSERT INTO %s (relid, trigger_name, operation, reason, diverted,"
					 " raw, report, row_data, violations, error_sqlstate, error_message,"
					 " error_detail) VALUES ($1, $2, $3, $4, $5, $6, $7,"
					 " pg_catalog.to_jsonb($8), $9::pg_catalog.jsonb, $10, $11, $12)",
					 quote_qualified_identifier(nsp, "govreport_quarantine"));

	memset(nulls, ' ', sizeof(nulls));
	argtypes[0] = REGCLASSOID;
	values[0] = ObjectIdGetDatum(RelationGetRelid(rel));
	argtypes[1] = TEXTOID;
	values[1] = CStringGetTextDatum(td->tg_trigger->tgname);
	argtypes[2] = TEXTOID;
	values[2] = CStringGetTextDatum(operation_name(td));
	argtypes[3] = TEXTOID;
	values[3] = CStringGetTextDatum(q->reason);
	argtypes[4] = BOOLOID;
	values[4] = BoolGetDatum(q->diverted);
	argtypes[5] = TEXTOID;
	values[5] = q->raw;
	if (q->raw_null)
		nulls[5] = 'n';
	argtypes[6] = govreport_type(fcinfo);
	values[6] = q->report;
	if (q->report_null)
		nulls[6] = 'n';
	argtypes[7] = rel->rd_rel->reltype;
	values[7] = heap_copy_tuple_as_datum(q->row, RelationGetDescr(rel));
	argtypes[8] = TEXTOID;
	if (q->violations)
		values[8] = CStringGetTextDatum(q->violations);
	else
		nulls[8] = 'n';
	argtypes[9] = TEXTOID;
	argtypes[10] = TEXTOID;
	argtypes[11] = TEXTOID;
	if (q->error)
	{
		values[9] = CStringGetTextDatum(unpack_sql_state(q->error->sqlerrcode));
		values[10] = CStringGetTextDatum(q->error->message ? q->error->message : "");
		if (q->error->detail)
			values[11] = CStringGetTextDatum(q->error->detail);
		else
			nulls[11] = 'n';
	}
	else
		nulls[9] = nulls[10] = nulls[11] = 'n';

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	rc = SPI_execute_with_args(sql.data, 12, argtypes, values, nulls, false, 0);
	if (rc != SPI_OK_INSERT)
		elog(ERROR, "recording a quarantined row failed: %s", SPI_result_code_string(rc));
	SPI_finish();
}

/* ------------------------------------------------------ govreport_enforce */

/*
 * Parse raw inside a subtransaction; on a data error (class 22) or an input
 * above the size limit (54000) return the error instead of raising it, so a
 * bulk load in quarantine mode goes on.  Anything else (cancel, out of
 * memory, ...) is raised as usual.
 */
static ErrorData *
parse_catching(Datum raw, GrInput *in, gr_report *r)
{
	MemoryContext oldcxt = CurrentMemoryContext;
	ResourceOwner oldowner = CurrentResourceOwner;
	ErrorData  *volatile edata = NULL;

	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(oldcxt);
	PG_TRY();
	{
		gr_pg_input_text(raw, in);
		gr_pg_parse_one(in, r);
		ReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(oldcxt);
		CurrentResourceOwner = oldowner;
	}
	PG_CATCH();
	{
		int			category;

		ErrorData  *e;

		MemoryContextSwitchTo(oldcxt);
		e = CopyErrorData();
		FlushErrorState();
		RollbackAndReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(oldcxt);
		CurrentResourceOwner = oldowner;
		category = ERRCODE_TO_CATEGORY(e->sqlerrcode);
		if (category != ERRCODE_DATA_EXCEPTION &&
			category != ERRCODE_PROGRAM_LIMIT_EXCEEDED)
			ReThrowError(e);
		edata = e;
	}
	PG_END_TRY();
	return edata;
}

PG_FUNCTION_INFO_V1(govreport_enforce);

/*
 * govreport_enforce() RETURNS trigger
 *
 * BEFORE INSERT OR UPDATE ... FOR EACH ROW
 * EXECUTE FUNCTION govreport_enforce(raw_column, report_column [, mode])
 *
 * Sets report_column to govreport_parse(raw_column) (NULL when the raw
 * text is NULL), then applies the strict rules to the value as stored.
 */
Datum
govreport_enforce(PG_FUNCTION_ARGS)
{
	TriggerData *td = trigger_context(fcinfo, "govreport_enforce", true);
	Trigger    *tg = td->tg_trigger;
	Relation	rel = td->tg_relation;
	TupleDesc	desc = RelationGetDescr(rel);
	HeapTuple	tuple = TRIGGER_FIRED_BY_UPDATE(td->tg_event) ? td->tg_newtuple : td->tg_trigtuple;
	int			rawatt,
				repatt;
	Oid			rawtype;
	gr_mode		mode = GR_MODE_ERROR;
	Datum		raw;
	bool		rawnull;
	Datum		report;
	bool		repnull = false;
	TupleDesc	reptd;
	GrInput		in;
	gr_report	parsed;
	gr_report	stored;
	gr_violation *v;
	size_t		n;
	HeapTuple	newtuple;
	ErrorData  *perr = NULL;

	if (tg->tgnargs < 2 || tg->tgnargs > 3)
		ereport(ERROR,
				(errcode(ERRCODE_TRIGGERED_ACTION_EXCEPTION),
				 errmsg("wrong number of arguments for trigger \"%s\" on relation \"%s\"",
						tg->tgname, RelationGetRelationName(rel)),
				 errdetail_plural("It has %d argument; govreport_enforce takes 2 or 3.",
								  "It has %d arguments; govreport_enforce takes 2 or 3.",
								  tg->tgnargs, tg->tgnargs),
				 errhint("The arguments are the raw text column, the govreport column and optionally the mode (error, warn or quarantine).")));
	rawatt = trigger_column(td, tg->tgargs[0]);
	repatt = trigger_column(td, tg->tgargs[1]);
	rawtype = column_type(td, rawatt);
	if (rawtype != TEXTOID && rawtype != VARCHAROID)
		wrong_type(td, tg->tgargs[0], "text or varchar");
	check_report_column(fcinfo, td, repatt, tg->tgargs[1]);
	if (tg->tgnargs == 3)
		mode = trigger_mode(td, tg->tgargs[2]);

	raw = heap_getattr(tuple, rawatt, desc, &rawnull);
	if (rawnull)
	{
		/* no text, no report: store NULL, nothing to check */
		report = (Datum) 0;
		repnull = true;
		newtuple = heap_modify_tuple_by_cols(tuple, desc, 1, &repatt, &report, &repnull);
		return PointerGetDatum(newtuple);
	}

	if (mode == GR_MODE_QUARANTINE)
		perr = parse_catching(raw, &in, &parsed);
	else
	{
		gr_pg_input_text(raw, &in);
		gr_pg_parse_one(&in, &parsed);
	}

	if (perr)
	{
		quarantine_entry q;

		report = (Datum) 0;
		repnull = true;
		newtuple = heap_modify_tuple_by_cols(tuple, desc, 1, &repatt, &report, &repnull);
		memset(&q, 0, sizeof(q));
		q.reason = "parse_error";
		q.diverted = true;
		q.raw = raw;
		q.report_null = true;
		q.row = newtuple;
		q.error = perr;
		quarantine_insert(fcinfo, td, &q);
		return PointerGetDatum(NULL);
	}

	reptd = lookup_rowtype_tupdesc(govreport_type(fcinfo), -1);
	report = gr_pg_report_datum(&parsed, &in, reptd);

	/*
	 * Check the value as stored: exactly what a CHECK constraint sees.  The
	 * parsed report reduced to what the row keeps is that value without
	 * reading the row back (a third of the trigger's own time); where that
	 * reduction cannot vouch for itself, the row is read back.
	 */
	if (!gr_pg_report_as_stored(&parsed, reptd, &stored))
		gr_pg_report_from_datum(DatumGetHeapTupleHeader(report), &stored);
	ReleaseTupleDesc(reptd);
	newtuple = heap_modify_tuple_by_cols(tuple, desc, 1, &repatt, &report, &repnull);
	gr_pg_check(&stored, &v, &n);
	if (gr_violations_consistent(v, n))
		return PointerGetDatum(newtuple);

	if (mode == GR_MODE_QUARANTINE)
	{
		quarantine_entry q;

		memset(&q, 0, sizeof(q));
		q.reason = "violation";
		q.diverted = true;
		q.raw = raw;
		q.report = report;
		q.row = newtuple;
		q.violations = gr_pg_violations_json(v, n);
		quarantine_insert(fcinfo, td, &q);
		return PointerGetDatum(NULL);
	}
	else
	{
		StringInfoData lines;
		int			nstrict;

		initStringInfo(&lines);
		nstrict = gr_pg_violation_lines(&lines, v, n, true, NULL);
		if (mode == GR_MODE_ERROR)
			ereport(ERROR,
					(errcode(ERRCODE_CHECK_VIOLATION),
					 errmsg_plural("govreport in column \"%s\" of relation \"%s\" fails %d strict reconciliation rule",
								   "govreport in column \"%s\" of relation \"%s\" fails %d strict reconciliation rules",
								   nstrict, tg->tgargs[1], RelationGetRelationName(rel), nstrict),
					 errdetail_internal("%s", lines.data),
					 errhint("Correct the report text, or load with trigger mode 'quarantine' to keep failing rows in govreport_quarantine."),
					 errtableconstraint(rel, tg->tgname)));
		ereport(WARNING,
				(errcode(ERRCODE_WARNING),
				 errmsg_plural("govreport in column \"%s\" of relation \"%s\" fails %d strict reconciliation rule; the row is kept",
							   "govreport in column \"%s\" of relation \"%s\" fails %d strict reconciliation rules; the row is kept",
							   nstrict, tg->tgargs[1], RelationGetRelationName(rel), nstrict),
				 errdetail_internal("%s", lines.data)));
		return PointerGetDatum(newtuple);
	}
}

/* ------------------------------------------- govreport_enforce_continuity */

/* The relation to search for the neighbouring years: the partition root. */
static void
search_relation(Relation rel, char **qualified)
{
	Oid			relid = RelationGetRelid(rel);

	if (rel->rd_rel->relispartition)
	{
		List	   *anc = get_partition_ancestors(relid);

		if (anc != NIL)
			relid = llast_oid(anc);
	}
	*qualified = quote_qualified_identifier(get_namespace_name(get_rel_namespace(relid)),
											get_rel_name(relid));
}

static int64
year_value(Datum d, Oid typ)
{
	switch (typ)
	{
		case INT2OID:
			return DatumGetInt16(d);
		case INT4OID:
			return DatumGetInt32(d);
		default:
			return DatumGetInt64(d);
	}
}

PG_FUNCTION_INFO_V1(govreport_enforce_continuity);

/*
 * govreport_enforce_continuity() RETURNS trigger
 *
 * CREATE CONSTRAINT TRIGGER ... AFTER INSERT OR UPDATE ON t
 *   DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
 *   EXECUTE FUNCTION govreport_enforce_continuity(report_col, body_col,
 *                                                 year_col [, mode])
 *
 * Each pair of adjacent years of one body is checked once: by the later
 * year's row when both are written in the same transaction, otherwise by
 * whichever row arrives second.
 */
Datum
govreport_enforce_continuity(PG_FUNCTION_ARGS)
{
	TriggerData *td = trigger_context(fcinfo, "govreport_enforce_continuity", false);
	Trigger    *tg = td->tg_trigger;
	Relation	rel = td->tg_relation;
	TupleDesc	desc = RelationGetDescr(rel);
	bool		upd = TRIGGER_FIRED_BY_UPDATE(td->tg_event);
	HeapTuple	tuple = upd ? td->tg_newtuple : td->tg_trigtuple;
	TupleTableSlot *slot = upd ? td->tg_newslot : td->tg_trigslot;
	int			repatt,
				keyatt,
				yearatt;
	Oid			keytype,
				yeartype;
	gr_mode		mode = GR_MODE_ERROR;
	Datum		repd,
				keyd,
				yeard;
	bool		isnull;
	int64		year;
	gr_report	cur;
	char	   *relname;
	StringInfoData sql;
	StringInfoData lines;
	StringInfoData json;
	Oid			argtypes[3];
	Datum		args[3];
	int			rc;
	int			nlines = 0;
	char	   *keytext;
	MemoryContext upper = CurrentMemoryContext;

	if (tg->tgnargs < 3 || tg->tgnargs > 4)
		ereport(ERROR,
				(errcode(ERRCODE_TRIGGERED_ACTION_EXCEPTION),
				 errmsg("wrong number of arguments for trigger \"%s\" on relation \"%s\"",
						tg->tgname, RelationGetRelationName(rel)),
				 errdetail_plural("It has %d argument; govreport_enforce_continuity takes 3 or 4.",
								  "It has %d arguments; govreport_enforce_continuity takes 3 or 4.",
								  tg->tgnargs, tg->tgnargs),
				 errhint("The arguments are the govreport column, the column identifying the issuing body, the year column and optionally the mode (error, warn or quarantine).")));
	if (!tg->tgdeferrable || !tg->tginitdeferred)
		ereport(ERROR,
				(errcode(ERRCODE_TRIGGERED_ACTION_EXCEPTION),
				 errmsg("trigger \"%s\" on relation \"%s\" must be a constraint trigger DEFERRABLE INITIALLY DEFERRED",
						tg->tgname, RelationGetRelationName(rel)),
				 errdetail("The rows of both years must be in place when the pair is checked.")));
	repatt = trigger_column(td, tg->tgargs[0]);
	keyatt = trigger_column(td, tg->tgargs[1]);
	yearatt = trigger_column(td, tg->tgargs[2]);
	check_report_column(fcinfo, td, repatt, tg->tgargs[0]);
	keytype = TupleDescAttr(desc, keyatt - 1)->atttypid;
	yeartype = column_type(td, yearatt);
	if (yeartype != INT2OID && yeartype != INT4OID && yeartype != INT8OID)
		wrong_type(td, tg->tgargs[2], "smallint, integer or bigint");
	if (tg->tgnargs == 4)
		mode = trigger_mode(td, tg->tgargs[3]);

	/* a row updated or deleted later in the transaction is checked as such */
	if (!table_tuple_satisfies_snapshot(rel, slot, SnapshotSelf))
		return PointerGetDatum(NULL);

	repd = heap_getattr(tuple, repatt, desc, &isnull);
	if (isnull)
		return PointerGetDatum(NULL);
	keyd = heap_getattr(tuple, keyatt, desc, &isnull);
	if (isnull)
		return PointerGetDatum(NULL);
	yeard = heap_getattr(tuple, yearatt, desc, &isnull);
	if (isnull)
		return PointerGetDatum(NULL);
	year = year_value(yeard, yeartype);
	if (year <= PG_INT64_MIN + 1 || year >= PG_INT64_MAX - 1)
		return PointerGetDatum(NULL);
	gr_pg_report_from_datum(DatumGetHeapTupleHeader(repd), &cur);
	{
		Oid			outfn;
		bool		varlena;

		getTypeOutputInfo(keytype, &outfn, &varlena);
		keytext = OidOutputFunctionCall(outfn, keyd);
	}

	search_relation(rel, &relname);
	initStringInfo(&sql);
	appendStringInfo(&sql,
					 "SELECT t.%s, t.%s, t.xmin FROM %s t"
					 " WHERE t.%s OPERATOR(pg_catalog.=) $1"
					 " AND (t.%s OPERATOR(pg_catalog.=) $2 OR t.%s OPERATOR(pg_catalog.=) $3)"
					 " AND t.%s IS NOT NULL",
					 quote_identifier(tg->tgargs[0]), quote_identifier(tg->tgargs[2]),
					 relname,
					 quote_identifier(tg->tgargs[1]),
					 quote_identifier(tg->tgargs[2]), quote_identifier(tg->tgargs[2]),
					 quote_identifier(tg->tgargs[0]));
	argtypes[0] = keytype;
	args[0] = keyd;
	argtypes[1] = INT8OID;
	args[1] = Int64GetDatum(year - 1);
	argtypes[2] = INT8OID;
	args[2] = Int64GetDatum(year + 1);

	initStringInfo(&lines);
	initStringInfo(&json);
	appendStringInfoChar(&json, '[');

	if (SPI_connect() != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed");
	/* not read-only: see every row this transaction has written so far */
	rc = SPI_execute_with_args(sql.data, 3, argtypes, args, NULL, false, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "reading the adjacent years failed: %s", SPI_result_code_string(rc));

	for (uint64 i = 0; i < SPI_processed; i++)
	{
		HeapTuple	row = SPI_tuptable->vals[i];
		TupleDesc	rdesc = SPI_tuptable->tupdesc;
		Datum		od = SPI_getbinval(row, rdesc, 1, &isnull);
		int64		oyear = year_value(SPI_getbinval(row, rdesc, 2, &isnull), yeartype);
		TransactionId xmin = DatumGetTransactionId(SPI_getbinval(row, rdesc, 3, &isnull));
		gr_report	other;
		gr_violation *v;
		size_t		n;
		bool		later = oyear == year + 1;
		char		prefix[128];
		MemoryContext spi;

		CHECK_FOR_INTERRUPTS();
		/* a later year written in this transaction checks the pair itself */
		if (later && TransactionIdIsCurrentTransactionId(xmin))
			continue;
		gr_pg_report_from_datum(DatumGetHeapTupleHeader(od), &other);
		if (later)
			gr_pg_check_pair(&cur, &other, &v, &n);
		else
			gr_pg_check_pair(&other, &cur, &v, &n);

		spi = MemoryContextSwitchTo(upper);
		for (size_t k = 0; k < n; k++)
		{
			if (strcmp(v[k].rule, "R13") != 0)
				continue;
			snprintf(prefix, sizeof(prefix), "%lld -> %lld: ",
					 (long long) (later ? year : oyear),
					 (long long) (later ? oyear : year));
			nlines += gr_pg_violation_lines(&lines, &v[k], 1, false, prefix);
			{
				char	   *j = gr_pg_violations_json(&v[k], 1);

				/* strip the brackets: one array for all pairs */
				if (json.len > 1)
					appendStringInfoString(&json, ", ");
				appendBinaryStringInfo(&json, j + 1, strlen(j) - 2);
			}
		}
		MemoryContextSwitchTo(spi);
	}
	SPI_finish();
	appendStringInfoChar(&json, ']');

	if (nlines == 0)
		return PointerGetDatum(NULL);

	if (mode == GR_MODE_QUARANTINE)
	{
		quarantine_entry q;

		memset(&q, 0, sizeof(q));
		q.reason = "continuity";
		q.diverted = false;
		q.raw_null = true;
		q.report = repd;
		q.row = tuple;
		q.violations = json.data;
		quarantine_insert(fcinfo, td, &q);
		return PointerGetDatum(NULL);
	}
	ereport(mode == GR_MODE_ERROR ? ERROR : WARNING,
			(errcode(mode == GR_MODE_ERROR ? ERRCODE_CHECK_VIOLATION : ERRCODE_WARNING),
			 errmsg("govreport in column \"%s\" of relation \"%s\" does not continue from the adjacent year for %s = %s",
					tg->tgargs[0], RelationGetRelationName(rel), tg->tgargs[1], keytext),
			 errdetail_internal("%s", lines.data),
			 mode == GR_MODE_ERROR ? errtableconstraint(rel, tg->tgname) : 0));
	return PointerGetDatum(NULL);
}
