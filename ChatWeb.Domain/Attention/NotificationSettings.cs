namespace ChatWeb.Domain.Attention;

/// <summary>How a person wants to be told about new messages, on every browser they use.</summary>
/// <param name="Desktop">Desktop notifications (the browser asks its own permission once, after a click).</param>
/// <param name="Sound">A short sound with each notification.</param>
/// <param name="Preview">The start of the message in the notification; off, only who wrote where.</param>
public sealed record NotificationSettings(bool Desktop, bool Sound, bool Preview)
{
    public static readonly NotificationSettings Default = new(true, true, true);
}
