namespace ChatWeb.Tests.Domain.Messages;

public sealed class HistoryPagingTests(HistoryFixture fixture) : HistoryPagingSuite<HistoryFixture>(fixture);
