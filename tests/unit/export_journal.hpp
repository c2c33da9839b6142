#pragma once
// A small journal for the export tests, as literal lines: two goals, three tasks (one done,
// one without a goal), check-ins in March and April (one removed), a rest day and a closed
// sprint. Ids are readable: 00000000-0000-4000-8000-0000000000NN.

#include <string>

namespace momentum::test {

inline std::string export_journal() {
  return R"({"momentum":"journal","version":1,"created":"2026-03-01T12:00:00.000Z"}
{"id":"00000000-0000-4000-8000-000000000001","ts":"2026-03-01T12:00:00.000Z","tz":"+00:00","op":"goal.add","data":{"cadence":"daily","day":"2026-03-01","importance":5,"tags":["ml"],"title":"Become an ML engineer","why":"a job I love, really"}}
{"id":"00000000-0000-4000-8000-000000000002","ts":"2026-03-01T12:01:00.000Z","tz":"+00:00","op":"goal.add","data":{"cadence":"3/week","day":"2026-03-01","importance":3,"tags":[],"title":"Run"}}
{"id":"00000000-0000-4000-8000-000000000003","ts":"2026-03-01T12:02:00.000Z","tz":"+00:00","op":"task.add","data":{"day":"2026-03-01","due":"2026-03-12","estimate":90,"goal":"00000000-0000-4000-8000-000000000001","importance":4,"kind":"learn","tags":["stats","book"],"title":"Read ISLR, chapter 3"}}
{"id":"00000000-0000-4000-8000-000000000004","ts":"2026-03-01T12:03:00.000Z","tz":"+00:00","op":"task.add","data":{"day":"2026-03-01","due":"2026-03-13","importance":3,"kind":"do","tags":[],"title":"Titanic \"baseline\"; submit"}}
{"id":"00000000-0000-4000-8000-000000000005","ts":"2026-03-01T12:04:00.000Z","tz":"+00:00","op":"task.add","data":{"day":"2026-03-01","goal":"00000000-0000-4000-8000-000000000002","importance":2,"kind":"do","tags":[],"title":"Buy shoes"}}
{"id":"00000000-0000-4000-8000-000000000006","ts":"2026-03-02T20:00:00.000Z","tz":"+00:00","op":"log.add","data":{"day":"2026-03-02","goal":"00000000-0000-4000-8000-000000000001","kind":"learn","minutes":45,"note":"linear regression\nand a \"quote\"","resistance":3,"task":"00000000-0000-4000-8000-000000000003"}}
{"id":"00000000-0000-4000-8000-000000000007","ts":"2026-03-03T20:00:00.000Z","tz":"+00:00","op":"log.add","data":{"day":"2026-03-03","kind":"do","minutes":20,"note":"gone"}}
{"id":"00000000-0000-4000-8000-000000000008","ts":"2026-03-03T20:01:00.000Z","tz":"+00:00","op":"log.rm","data":{"log":"00000000-0000-4000-8000-000000000007"}}
{"id":"00000000-0000-4000-8000-000000000009","ts":"2026-03-05T07:00:00.000Z","tz":"+00:00","op":"skip.add","data":{"day":"2026-03-06","reason":"family visit"}}
{"id":"00000000-0000-4000-8000-000000000010","ts":"2026-03-09T08:00:00.000Z","tz":"+00:00","op":"sprint.start","data":{"day":"2026-03-09","end":"2026-03-15","goal":"00000000-0000-4000-8000-000000000001","start":"2026-03-09","tasks":["00000000-0000-4000-8000-000000000003"],"title":"Finish chapter 3"}}
{"id":"00000000-0000-4000-8000-000000000011","ts":"2026-03-10T08:00:00.000Z","tz":"+00:00","op":"task.status","data":{"day":"2026-03-10","status":"done","task":"00000000-0000-4000-8000-000000000003"}}
{"id":"00000000-0000-4000-8000-000000000012","ts":"2026-03-15T18:00:00.000Z","tz":"+00:00","op":"sprint.close","data":{"blocked":"nothing","day":"2026-03-15","learned":"read every day","next":"chapter 4","rating":4,"sprint":"00000000-0000-4000-8000-000000000010"}}
{"id":"00000000-0000-4000-8000-000000000013","ts":"2026-04-01T07:00:00.000Z","tz":"+00:00","op":"log.add","data":{"day":"2026-03-31","goal":"00000000-0000-4000-8000-000000000002","kind":"do","minutes":30}}
{"id":"00000000-0000-4000-8000-000000000014","ts":"2026-04-02T19:00:00.000Z","tz":"+00:00","op":"log.add","data":{"day":"2026-04-02","goal":"00000000-0000-4000-8000-000000000002","kind":"do","note":"5k, easy"}}
)";
}

}  // namespace momentum::test
