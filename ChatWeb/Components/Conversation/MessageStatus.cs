namespace ChatWeb.Components.Conversation;

/// <summary>Rendered as <c>data-status</c>: browser tests and the bubble's icon read it.</summary>
public enum MessageStatus
{
    Pending,
    Sent,
    Failed,
}
