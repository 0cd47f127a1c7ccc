using System.Text.Json.Serialization;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Contacts;
using ChatWeb.Domain.Presence;
using ChatWeb.Domain.Search;

namespace ChatWeb.Realtime;

/// <summary>
/// Generated JSON for what the hub writes on every message (the acknowledgement, MessageReceived,
/// a ThreadUpdated per member, read marks, typing, presence) and its common results. Written
/// through the generated code, a payload costs a few dozen bytes of garbage instead of the
/// reflection path's stack of frames; other types still go through reflection
/// (<see cref="RealtimeJson"/> chains the two). Enums carry their by-name converter on the type.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ChatMessage))]
[JsonSerializable(typeof(ThreadSummary))]
[JsonSerializable(typeof(Domain.Chat.ReadUpTo))]
[JsonSerializable(typeof(TypingNotice))]
[JsonSerializable(typeof(PresenceView))]
[JsonSerializable(typeof(MessageChanges))]
[JsonSerializable(typeof(SearchPage))]
[JsonSerializable(typeof(DirectoryPage))]
[JsonSerializable(typeof(ContactView))]
[JsonSerializable(typeof(List<ThreadSummary>))]
[JsonSerializable(typeof(List<ChatMessage>))]
[JsonSerializable(typeof(ChatMessage[]))]
internal sealed partial class RealtimeJsonContext : JsonSerializerContext;
