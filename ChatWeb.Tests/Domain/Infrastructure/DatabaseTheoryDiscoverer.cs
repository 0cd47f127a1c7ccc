using Xunit.Sdk;
using Xunit.v3;

namespace ChatWeb.Tests.Domain.Infrastructure;

/// <summary>Creates a <see cref="DatabaseTheoryAttribute"/>'s cases, or none in a SQL Server variant without a server.</summary>
public sealed class DatabaseTheoryDiscoverer : TheoryDiscoverer
{
    public override ValueTask<IReadOnlyCollection<IXunitTestCase>> Discover(
        ITestFrameworkDiscoveryOptions discoveryOptions, IXunitTestMethod testMethod, IFactAttribute factAttribute) =>
        DatabaseCases.Exist(testMethod) ? base.Discover(discoveryOptions, testMethod, factAttribute) : DatabaseCases.None;
}
