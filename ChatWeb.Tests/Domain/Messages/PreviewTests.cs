using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using Xunit;

namespace ChatWeb.Tests.Domain.Messages;

/// <summary>
/// The thread list's preview of a message: on one line, cut with an ellipsis. It is computed for
/// every message, so it is written by hand; these pin it to the plain definition (split on white
/// space, join with one space, cut).
/// </summary>
public sealed class PreviewTests
{
    private static readonly string Long = string.Concat(Enumerable.Repeat("word ", 40));

    public static TheoryData<string> Bodies() =>
    [
        "hi",
        "  padded\t",
        "two\n\nlines",
        "tabs\tand\r\nbreaks\u00a0and a no-break space",
        " ",
        new string('x', ChatThread.PreviewMaxLength),
        new string('x', ChatThread.PreviewMaxLength + 1),
        Long,
        "  " + Long.Replace(" ", " \n\t "),
        new string('x', ChatThread.PreviewMaxLength - 2) + "😀 and more",
        new string('x', ChatThread.PreviewMaxLength - 3) + "😀 and more",
        new string('x', ChatThread.PreviewMaxLength - 1) + "      y",
    ];

    [Theory]
    [MemberData(nameof(Bodies))]
    public void Preview_IsTheBodyFlattenedAndCut(string body)
    {
        Assert.Equal(Reference(body), ChatInput.Preview(body));
    }

    [Fact]
    public void Preview_OfAFlatShortBody_IsTheBodyItself()
    {
        var body = "already flat";

        Assert.Same(body, ChatInput.Preview(body));
    }

    [Fact]
    public void Preview_NeverEndsInHalfAnEmoji()
    {
        var body = new string('x', ChatThread.PreviewMaxLength - 2) + "😀😀";

        var preview = ChatInput.Preview(body);

        Assert.Equal(new string('x', ChatThread.PreviewMaxLength - 2) + "…", preview);
    }

    private static string Reference(string body)
    {
        var flat = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= ChatThread.PreviewMaxLength)
        {
            return flat;
        }
        var cut = ChatThread.PreviewMaxLength - 1;
        if (char.IsHighSurrogate(flat[cut - 1]))
        {
            cut--;
        }
        return flat[..cut] + "…";
    }
}
