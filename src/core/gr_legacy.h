/*
 * gr_legacy.h - readers for the formats without national-template tables
 * (domain.md 1.1): the pre-2019 statistics table, the narrative-era annex,
 * and the figures printed in running text (every format).
 *
 * Cells these readers emit:
 *
 *   tbl "stats"      pre-2019 3-column table 统计指标 / 单位 / 统计数
 *                    (domain.md 2.4).  row_key = the 2.4 key, col_key NULL,
 *                    unit = the unit cell (static string), value = the
 *                    value cell; a blank value cell is NULL + a warning.
 *                    Older local labels of the same meaning map to the
 *                    2014 keys with a warning naming the variant
 *                    (申请总数 -> requests.received, 对申请的答复总数 ->
 *                    requests.answered, 网上申请数 -> requests.received.online);
 *                    labels of a different meaning keep their own keys:
 *                      否决公开答复总数 -> requests.answered.rejected_total
 *                      电子邮件申请数   -> requests.received.email
 *                      其他形式申请数   -> requests.received.other
 *                      行政申诉数       -> appeals.total
 *   tbl "annex"      narrative-era annex 指标 / 单位 / 数量 (domain.md 2.5):
 *                    proactive.items_total, proactive.full_text_electronic_items,
 *                    proactive.new_normative_docs.
 *   tbl "narrative"  figures read from prose lines near trigger phrases
 *                    (domain.md 5.2); row_key = the truth JSON keys
 *                    (requests.received, outcome.granted, proactive.*, ...).
 *                    value/printed = the number as printed ("1,092");
 *                    percentages: row_key "<figure key>.pct" or "*_pct",
 *                    GR_CELL_PERCENT, unit "%", decimals = printed decimals,
 *                    printed = "2.77%" (with the percent sign).
 *                    Approximate counts ("361余篇", "约占65.4%"): flag
 *                    GR_CELL_APPROX, value = the printed number (lower
 *                    bound), printed includes the 余/约 marker, and count
 *                    keys get the suffix "_approx" (training.participants_approx).
 *                    Inferred values (negative sentences "无依申请公开…",
 *                    "未收到…行政复议申请", "…均为0"; "已依法依规及时、妥善
 *                    回复" = every received request answered): flag
 *                    GR_CELL_INFERRED, printed = "" (len 0) at the byte
 *                    offset where the phrase that implies the value starts.
 *                    An explicit figure always wins over an inferred one.
 *                    "…的件数和总金额以及实际收取的总金额均为0": fees.notices,
 *                    fees.notices_amount_yuan, fees.collected_yuan = 0, not
 *                    inferred (a 0 is printed), printed "" at "发出收费通知".
 *                    Key vocabulary (from the seed truth files):
 *                      requests.received / .new_received / .carried_over /
 *                        .carried_forward / .closed / .answered,
 *                        requests.received.{online,letter,in_person,fax,email},
 *                        requests.answered.{granted,partially_granted,denied,
 *                        not_gov_info,not_exist,not_this_agency,unclear},
 *                        requests.new_received.natural_person (inferred)
 *                      outcome.{granted,partially_granted,denied,unable,
 *                        not_processed,other} (2019+ 总体情况 sentences, R14)
 *                      review.total, litigation.total, complaints.total,
 *                        review_and_litigation.total ("…行政复议、行政诉讼案件")
 *                      fees.{collected_yuan,waived_yuan,litigation_cost_yuan,
 *                        notices,notices_amount_yuan}
 *                      staff.{full_time,part_time}, org.reception_points,
 *                        consultations.{total,on_site,phone,online}
 *                      proactive.{items_total,hall,external_website,website,
 *                        weibo,wechat,app,toutiao,kuaishou_videos,douyin_videos,
 *                        website_articles,wechat_articles,hall_note,
 *                        hall_note_total,all_channels_note,
 *                        full_text_electronic_rate_pct,growth_factor_vs_YYYY},
 *                        proactive.category.<name> (+ .pct), media_reports
 *                      training.{sessions,participants}, column_visits,
 *                        proposals.<kind>(.lead/.assist), hotline.* (the
 *                        call-centre sentence: kept, never a request figure)
 *                      <key>_same_as_last_year ("同上年持平", inferred)
 *
 * Totals of the govreport type (gr_report.new_received ...):
 *   stats_table_pre2019: new_received = stats requests.received;
 *     processed_total = stats requests.closed (申请办结数, the 2014 table's
 *     "finished" count; 办结 is also what the 2019+ narratives call the
 *     processed total), or requests.answered when the table has no 办结
 *     row (older local tables); carried_over / carried_forward absent.
 *   narrative: new_received = narrative requests.new_received, else
 *     requests.received; processed_total = narrative requests.closed, else
 *     requests.answered; carried_over / carried_forward from the
 *     narrative when printed (2019+ style sentences), else absent.
 */
#ifndef GR_LEGACY_H
#define GR_LEGACY_H

#include "gr_build.h"

/*
 * Pre-2019 statistics table in [from, to).  *found = true when the
 * segment holds one (format marker of domain.md 1.2 step 2 and at least
 * one row read).
 */
gr_status	gr_read_stats_table(gr_build *b, bool *found);

/* Narrative-era annex tables (指标 | 单位 | 数量) in [from, to). */
gr_status	gr_read_annex(gr_build *b);

/*
 * Figures in the prose lines of [from, to) (any format).  *nfig = number
 * of request / disclosure figures read (explicit or inferred).
 */
gr_status	gr_read_narrative(gr_build *b, size_t *nfig);

/*
 * Does [from, to) carry a report marker (title line, 引言, "编制的YYYY年度
 * …年度报告", "…第五十条…编制本报告")?
 */
bool		gr_has_report_marker(gr_build *b);

#endif							/* GR_LEGACY_H */
