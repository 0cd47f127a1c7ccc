using ChatWeb.Domain.Entities;

namespace ChatWeb.Domain.Chat;

/// <summary>Input rules shared by every entry point, each failure with a message a person can act on.</summary>
public static class ChatInput
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 50;

    /// <summary>The body as stored: NFC, line breaks as "\n" (see <see cref="TextHygiene"/>).</summary>
    public static string Body(string? body)
    {
        var clean = string.IsNullOrWhiteSpace(body) ? "" : TextHygiene.Body(body);
        if (clean.Length == 0)
        {
            throw ChatException.Invalid("A message cannot be empty.");
        }
        if (clean.Length > Message.BodyMaxLength)
        {
            throw ChatException.Invalid($"A message can be at most {Message.BodyMaxLength:N0} characters long; this one has {clean.Length:N0}.");
        }
        return clean;
    }

    public static string ClientMessageId(string? clientMessageId)
    {
        if (string.IsNullOrWhiteSpace(clientMessageId))
        {
            throw ChatException.Invalid("A client message id is required (any unique string, such as a GUID).");
        }
        if (clientMessageId.Length > Message.ClientMessageIdMaxLength)
        {
            throw ChatException.Invalid($"A client message id can be at most {Message.ClientMessageIdMaxLength} characters long.");
        }
        // Stored as UTF-8, where half a surrogate pair would turn into U+FFFD and a retry would no longer match.
        if (!TextHygiene.IsPlainText(clientMessageId))
        {
            throw ChatException.Invalid("A client message id cannot contain control characters or broken characters.");
        }
        return clientMessageId;
    }

    public static string Title(string? title)
    {
        var trimmed = TextHygiene.Name(title, "A group title");
        if (trimmed.Length == 0)
        {
            throw ChatException.Invalid("A group needs a title.");
        }
        if (trimmed.Length > ChatThread.TitleMaxLength)
        {
            throw ChatException.Invalid($"A group title can be at most {ChatThread.TitleMaxLength} characters long.");
        }
        return trimmed;
    }

    /// <summary>Null or blank clears the nickname.</summary>
    public static string? Nickname(string? nickname)
    {
        var trimmed = TextHygiene.Name(nickname, "A nickname");
        if (trimmed.Length == 0)
        {
            return null;
        }
        if (trimmed.Length > ThreadMember.NicknameMaxLength)
        {
            throw ChatException.Invalid($"A nickname can be at most {ThreadMember.NicknameMaxLength} characters long.");
        }
        return trimmed;
    }

    /// <summary>The name a person is shown by, as typed at registration or on the profile page.</summary>
    public static string DisplayName(string? displayName)
    {
        var trimmed = TextHygiene.Name(displayName, "A display name");
        if (trimmed.Length == 0)
        {
            throw ChatException.Invalid("A display name cannot be blank.");
        }
        if (trimmed.Length > ChatUser.DisplayNameMaxLength)
        {
            throw ChatException.Invalid($"A display name can be at most {ChatUser.DisplayNameMaxLength} characters long.");
        }
        return trimmed;
    }

    public static int PageSize(int? limit) => limit switch
    {
        null => DefaultPageSize,
        < 1 => throw ChatException.Invalid($"The page size must be between 1 and {MaxPageSize}."),
        > MaxPageSize => MaxPageSize,
        _ => limit.Value,
    };

    public static long Seq(long seq, string name = "seq") =>
        seq < 0 ? throw ChatException.Invalid($"{name} cannot be negative.") : seq;

    /// <summary>A message id as it travels on the wire (a string), parsed with a clear refusal.</summary>
    public static Guid MessageId(string? messageId) =>
        Guid.TryParse(messageId, out var id) ? id : throw ChatException.Invalid($"'{messageId}' is not a valid message id.");

    /// <summary>
    /// A reaction: any single emoji, as one grapheme (see <see cref="EmojiGrapheme"/>): a ZWJ family,
    /// a skin tone, a flag or a keycap counts as one. Stored as given, so the picker's form is the chip's.
    /// </summary>
    public static string Emoji(string? emoji)
    {
        if (string.IsNullOrEmpty(emoji) || !EmojiGrapheme.IsSingleEmoji(emoji))
        {
            throw ChatException.Invalid("A reaction must be a single emoji.");
        }
        return emoji;
    }

    /// <summary>
    /// The body on one line (every run of white space, new lines included, becomes one space; the
    /// ends are trimmed), cut to <see cref="ChatThread.PreviewMaxLength"/> with an ellipsis. Runs
    /// for every message, so it reads no further than the cut and returns the body itself when it
    /// is already flat and short.
    /// </summary>
    public static string Preview(string body)
    {
        Span<char> flat = stackalloc char[ChatThread.PreviewMaxLength + 1];
        var length = 0;
        var spaceOwed = false;
        foreach (var c in body)
        {
            if (char.IsWhiteSpace(c))
            {
                spaceOwed = length > 0;
                continue;
            }
            if (spaceOwed && length < flat.Length)
            {
                flat[length++] = ' ';
            }
            spaceOwed = false;
            if (length == flat.Length)
            {
                break;
            }
            flat[length++] = c;
        }

        if (length <= ChatThread.PreviewMaxLength)
        {
            return body.AsSpan().SequenceEqual(flat[..length]) ? body : new string(flat[..length]);
        }
        var cut = ChatThread.PreviewMaxLength - 1;
        // Half a surrogate pair (half an emoji) would be stored as U+FFFD.
        if (char.IsHighSurrogate(flat[cut - 1]))
        {
            cut--;
        }
        return string.Concat(flat[..cut], "…");
    }
}
