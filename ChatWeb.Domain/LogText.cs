using System.Globalization;
using System.Text;
using ChatWeb.Domain.Chat;

namespace ChatWeb.Domain;

/// <summary>
/// Text a person typed, made safe for a log line. Pass it as a structured parameter, never as part
/// of the message template: control characters (CR, LF, NUL, terminal escapes), line separators
/// and direction controls come out as visible escapes, so typed text cannot forge a log entry,
/// recolour a terminal or reorder what an operator reads; long text is cut.
/// </summary>
public static class LogText
{
    public const int MaxLength = 200;

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength) + 16);
        for (var i = 0; i < text.Length && builder.Length < MaxLength; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\\': builder.Append("\\\\"); break;
                default:
                    if (NeedsEscape(c) || (char.IsSurrogate(c) && !IsPairAt(text, i)))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                        if (char.IsHighSurrogate(c))
                        {
                            builder.Append(text[++i]);
                        }
                    }
                    break;
            }
        }
        return builder.Length >= MaxLength && builder.Length < text.Length ? builder.Append('…').ToString() : builder.ToString();
    }

    private static bool NeedsEscape(char c) =>
        c is < ' ' or (>= '\u007F' and <= '\u009F') or '\u2028' or '\u2029' || TextHygiene.IsDirectionControl(c);

    private static bool IsPairAt(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
}
