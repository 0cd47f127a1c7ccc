namespace ChatWeb.Components.Conversation;

/// <summary>What the open conversation can show.</summary>
internal enum ConversationStatus
{
    Loading,
    Open,
    /// <summary>It does not exist, or the reader is not a member: nothing of it is shown.</summary>
    NotFound,
    LoadFailed,
    /// <summary>The reader left or was removed while it was open.</summary>
    Removed,
}
