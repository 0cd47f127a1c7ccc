using System.Text.Json.Serialization;

namespace ChatWeb.Domain.Administration;

[JsonConverter(typeof(JsonStringEnumConverter<PersonStatus>))]
public enum PersonStatus
{
    Active,

    /// <summary>Too many wrong passwords; lifts by itself, or an administrator unlocks it.</summary>
    LockedOut,

    /// <summary>Cut off by an administrator until reactivated.</summary>
    Deactivated,
}
