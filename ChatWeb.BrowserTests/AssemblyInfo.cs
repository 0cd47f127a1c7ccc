using ChatWeb.BrowserTests.Infrastructure;
using Xunit;

// One app process and one browser for the whole run; scenarios take turns so two cores are enough.
[assembly: AssemblyFixture(typeof(ChatWebServer))]
[assembly: AssemblyFixture(typeof(BrowserHost))]
[assembly: CollectionBehavior(DisableTestParallelization = true)]
