using ChatWeb.Bench.Scenarios;
using ChatWeb.Bench.Storage;

namespace ChatWeb.Bench.Report;

/// <summary>Everything a run found, ready to print and to write into docs/performance.md.</summary>
internal sealed record RunReport(
    BenchProfile Profile,
    string Date,
    string Commit,
    string Machine,
    string Command,
    string LoadAverages,
    TargetReport App,
    TargetReport Relay,
    HistoryResult History,
    RawInsertResult Raw,
    long MessagesChecked,
    long DeliveriesChecked,
    bool Correct,
    TimeSpan Duration);
