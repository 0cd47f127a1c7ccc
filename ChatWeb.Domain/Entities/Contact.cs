namespace ChatWeb.Domain.Entities;

/// <summary>One person in another's contact list.</summary>
public sealed class Contact
{
    public required string OwnerId { get; set; }
    public required string ContactId { get; set; }
    public DateTime CreatedAt { get; set; }

    public ChatUser? ContactUser { get; set; }
}
