namespace ChatWeb.Bench.Search;

/// <summary>
/// The words of the seeded messages: a made-up vocabulary (fixed seed, so every run seeds the same
/// text) drawn with Zipf's law, as words in real text are: a few very common, most rare. Some carry
/// accents, so the index's accent folding is part of what is measured.
/// </summary>
internal sealed class SearchWords
{
    public const int VocabularySize = 5_000;

    private static readonly string[] Syllables =
        ["ka", "lo", "mi", "ne", "su", "ta", "ri", "vo", "pe", "da", "gu", "zé", "fo", "bi", "ch", "ro", "an", "el", "ör", "is"];

    private readonly double[] cumulative = new double[VocabularySize];

    public SearchWords()
    {
        var random = new Random(26);
        var words = new HashSet<string>();
        while (words.Count < VocabularySize)
        {
            var length = 2 + random.Next(3);
            words.Add(string.Concat(Enumerable.Range(0, length).Select(_ => Syllables[random.Next(Syllables.Length)])));
        }
        Words = [.. words];
        var total = 0.0;
        for (var rank = 0; rank < VocabularySize; rank++)
        {
            total += 1.0 / (rank + 1);
            cumulative[rank] = total;
        }
        for (var rank = 0; rank < VocabularySize; rank++)
        {
            cumulative[rank] /= total;
        }
    }

    /// <summary>By rank: <c>Words[0]</c> is the most common.</summary>
    public IReadOnlyList<string> Words { get; }

    public string Draw(Random random)
    {
        var at = Array.BinarySearch(cumulative, random.NextDouble());
        return Words[Math.Min(at < 0 ? ~at : at, VocabularySize - 1)];
    }

    public string Message(Random random) =>
        string.Join(' ', Enumerable.Range(0, 4 + random.Next(13)).Select(_ => Draw(random)));
}
