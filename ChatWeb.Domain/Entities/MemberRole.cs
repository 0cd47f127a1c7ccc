using System.Text.Json.Serialization;

namespace ChatWeb.Domain.Entities;

[JsonConverter(typeof(JsonStringEnumConverter<MemberRole>))]
public enum MemberRole
{
    Member = 0,
    Admin = 1,
    Owner = 2,
}
