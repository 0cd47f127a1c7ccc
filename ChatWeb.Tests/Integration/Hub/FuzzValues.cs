namespace ChatWeb.Tests.Integration.Hub;

/// <summary>Arguments a careless or hostile client sends: wrong JSON types, nulls, extremes, malformed ids, broken text.</summary>
internal static class FuzzValues
{
    public static readonly string Huge = new('x', 30_000);

    private static readonly object?[] WrongTypes = [new { nested = 1 }, new[] { "in", "a", "list" }];

    public static IEnumerable<object?> For(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        IEnumerable<object?> values = underlying switch
        {
            _ when underlying == typeof(string) => Strings(),
            _ when underlying == typeof(long) || underlying == typeof(int) =>
                [null, -1, 0, int.MinValue, int.MaxValue, long.MinValue, long.MaxValue, 1e300, "ten", true],
            _ when underlying == typeof(bool) => [null, "yes", 2],
            _ when typeof(System.Collections.IEnumerable).IsAssignableFrom(underlying) =>
                [null, Array.Empty<string>(), new string?[] { null }, new[] { Huge }, Enumerable.Range(0, 1_000).Select(i => $"nobody-{i}@corp.example").ToArray(), "not a list", 5],
            _ => [null, "?", 0],
        };
        return values.Concat(WrongTypes);
    }

    private static IEnumerable<object?> Strings() =>
    [
        null, "", "   ", Huge,
        "not-a-guid", Guid.Empty.ToString(), $"{{{Guid.NewGuid()}}}", Guid.NewGuid().ToString("N") + "00",
        "\0", "\u001b[31m", "\uD800", "x\uDC00y", "\u202Egnp.exe", "\u200B\u200B", "\u2800",
        "'; DROP TABLE \"Messages\"; --", "<script>alert(1)</script>",
        12345, -1, true,
    ];
}
