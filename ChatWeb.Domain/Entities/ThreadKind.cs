using System.Text.Json.Serialization;

namespace ChatWeb.Domain.Entities;

[JsonConverter(typeof(JsonStringEnumConverter<ThreadKind>))]
public enum ThreadKind
{
    Direct = 0,
    Group = 1,
}
