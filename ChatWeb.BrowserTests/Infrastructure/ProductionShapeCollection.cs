using Xunit;

namespace ChatWeb.BrowserTests.Infrastructure;

/// <summary>The scenario classes that share one <see cref="ProductionShape"/>: starting it takes the longest.</summary>
[CollectionDefinition(Name)]
public sealed class ProductionShapeCollection : ICollectionFixture<ProductionShape>
{
    public const string Name = "Production shape";
}
