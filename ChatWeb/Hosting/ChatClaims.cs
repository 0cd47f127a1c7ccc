namespace ChatWeb.Hosting;

public static class ChatClaims
{
    /// <summary>The person's display name, carried in the sign-in so the app bar needs no query.</summary>
    public const string DisplayName = "chatweb:display_name";
}
