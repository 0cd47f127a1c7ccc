using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatWeb.Domain.Attachments;
using ChatWeb.Domain.Chat;
using ChatWeb.Domain.Entities;
using ChatWeb.Domain.Presence;
using ChatWeb.Realtime;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.Options;
using Xunit;

namespace ChatWeb.Tests.Realtime;

/// <summary>
/// The hub's payloads are a public contract: written through the generated metadata, a frame must be
/// the same text, byte for byte, that SignalR's reflection-based options with a by-name enum
/// converter wrote before, and read back to the same values.
/// </summary>
public class RealtimeJsonTests
{
    private static readonly JsonSerializerOptions Reflection = ReflectionOptions();

    private static readonly DateTime At = new(2026, 12, 5, 9, 30, 15, 123, DateTimeKind.Utc);

    [Fact]
    public void A_thread_summary_is_written_as_before()
    {
        var summary = Summary();

        var json = Frame(summary, RealtimeJson.Shared);

        Assert.Equal(Frame(summary, Reflection), json);
        Assert.Contains("\"kind\":\"Group\"", json);
        Assert.Contains("\"role\":\"Owner\"", json);
        Assert.Contains("\"canMentionHere\":true", json);
    }

    [Fact]
    public void A_message_with_everything_on_it_is_written_as_before_and_reads_back_equal()
    {
        var message = Message();

        var frame = Frame(message, RealtimeJson.Shared);

        Assert.Equal(Frame(message, Reflection), frame);
        Assert.DoesNotContain("isImage", frame);
        Assert.Equal(message, JsonSerializer.Deserialize<ChatMessage>(JsonSerializer.Serialize(message, RealtimeJson.Shared), RealtimeJson.Shared));
    }

    [Fact]
    public void Small_events_and_lists_are_written_as_before()
    {
        object[] payloads =
        [
            new ReadUpTo(Guid.NewGuid(), "alice", 41),
            new TypingNotice(Guid.NewGuid(), "bob", "Bob B."),
            new PresenceView("carol", true, At),
            new MessageChanges([Message()], 17),
            new List<ThreadSummary> { Summary() },
            new[] { Message(), Message() with { DeletedAt = At, DeletedBy = "alice", Body = "" } },
        ];

        foreach (var payload in payloads)
        {
            Assert.Equal(Frame(payload, Reflection), Frame(payload, RealtimeJson.Shared));
        }
    }

    [Fact]
    public void Text_that_must_be_escaped_is_escaped_as_before()
    {
        var message = Message() with { Body = "<b>\"Tom & Jerry\"</b> 'quoted' — naïve 日本 😀 \u0001 \\ /" };

        Assert.Equal(Frame(message, Reflection), Frame(message, RealtimeJson.Shared));
    }

    // The hub protocol writes with its own writer and escaping; what a client receives is this frame.
    private static string Frame(object payload, JsonSerializerOptions options)
    {
        var protocol = new JsonHubProtocol(Options.Create(new JsonHubProtocolOptions { PayloadSerializerOptions = options }));
        var buffer = new ArrayBufferWriter<byte>();
        protocol.WriteMessage(new InvocationMessage("MessageReceived", [payload]), buffer);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Fact]
    public void Enums_are_read_by_name_or_number()
    {
        var json = JsonSerializer.Serialize(Summary(), RealtimeJson.Shared);

        var byName = JsonSerializer.Deserialize<ThreadSummary>(json, RealtimeJson.Shared)!;
        var byNumber = JsonSerializer.Deserialize<ThreadSummary>(json.Replace("\"kind\":\"Group\"", "\"kind\":1"), RealtimeJson.Shared)!;

        Assert.Equal((ThreadKind.Group, MemberRole.Owner), (byName.Kind, byName.Members[0].Role));
        Assert.Equal(ThreadKind.Group, byNumber.Kind);
    }

    private static ThreadSummary Summary() => new(
        Guid.NewGuid(), ThreadKind.Group, "Design", "design crew", IsMuted: false, UnreadCount: 2, LastSeq: 10, LastReadSeq: 8, At,
        "see the mock-ups", MemberRole.Owner,
        [new ThreadMemberView("alice", "Alice", MemberRole.Owner, 10), new ThreadMemberView("bob", "Bob", MemberRole.Member, null, CanRemove: true)],
        "alice", "Alice", LastVersion: 12)
    {
        UnreadMentions = 1,
    };

    private static ChatMessage Message() => new(Guid.NewGuid(), Guid.NewGuid(), 7, "alice", "Alice", "hello @bob", At, "client-7")
    {
        Version = 9,
        EditedAt = At.AddMinutes(1),
        ReplyTo = new ReplyPreview(Guid.NewGuid(), 3, "bob", "Bob", "the question", IsDeleted: false),
        Reactions = [new ReactionView("👍", 2, ["bob", "carol"])],
        Mentions = ["bob"],
        Attachments = [new AttachmentView(Guid.NewGuid(), "plan.png", "image/png", 12_345, 640, 480)],
    };

    // What the hub wrote before its payloads had generated metadata.
    private static JsonSerializerOptions ReflectionOptions()
    {
        var options = new JsonSerializerOptions(new JsonHubProtocolOptions().PayloadSerializerOptions);
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
