using ChatWeb.Domain.Chat;
using Xunit;

namespace ChatWeb.Tests.Domain.Changes;

/// <summary>A reaction is any single emoji: one grapheme, however many code points make it.</summary>
public sealed class EmojiInputTests
{
    [Theory]
    [InlineData("👍")]
    [InlineData("👍🏽")] // a skin tone
    [InlineData("👨‍👩‍👧‍👦")] // a family: four people joined by ZWJ
    [InlineData("🧑🏿‍💻")] // a skin tone inside a ZWJ sequence
    [InlineData("🏳️‍🌈")]
    [InlineData("❤️")] // with the emoji variation selector
    [InlineData("❤")] // and without
    [InlineData("🇫🇷")] // a flag: two regional indicators
    [InlineData("🏴󠁧󠁢󠁳󠁣󠁴󠁿")] // Scotland: a tag sequence
    [InlineData("1️⃣")] // a keycap
    [InlineData("#⃣")]
    [InlineData("🫠")] // Unicode 14
    [InlineData("©️")]
    public void Emoji_OneEmojiGrapheme_IsTakenAsGiven(string emoji)
    {
        var taken = ChatInput.Emoji(emoji);

        Assert.Equal(emoji, taken);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a")]
    [InlineData("1")]
    [InlineData(":+1:")]
    [InlineData("👍👍")] // two graphemes
    [InlineData("👍 ")]
    [InlineData("🇫")] // half a flag
    [InlineData("🏽")] // a skin tone on its own
    [InlineData("\u200D")]
    [InlineData("👍\u200D")] // a joiner with nothing after it
    [InlineData("é")]
    [InlineData("\ud83d")] // half a surrogate pair
    [InlineData("a\u0301")] // one grapheme, but a letter
    public void Emoji_AnythingElse_IsRefused(string text)
    {
        var refusal = Assert.Throws<ChatException>(() => ChatInput.Emoji(text));

        Assert.Equal((ChatErrorKind.Invalid, "A reaction must be a single emoji."), (refusal.Kind, refusal.Message));
    }

    [Fact]
    public void Emoji_Null_IsRefused()
    {
        Assert.Throws<ChatException>(() => ChatInput.Emoji(null));
    }
}
