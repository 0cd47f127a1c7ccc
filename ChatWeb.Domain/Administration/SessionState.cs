using System.Text.Json.Serialization;

namespace ChatWeb.Domain.Administration;

[JsonConverter(typeof(JsonStringEnumConverter<SessionState>))]
public enum SessionState
{
    Current,

    /// <summary>The account changed since the session began (password, sign-out everywhere) or is gone.</summary>
    Ended,

    /// <summary>An administrator deactivated the account.</summary>
    Deactivated,
}
