using ChatWeb.Domain.Contacts;
using ChatWeb.Domain.Presence;

namespace ChatWeb.Components.Contacts;

/// <summary>
/// The contact list apart from rendering, ordered as the service orders it (online first, then by
/// name) so a live presence change moves a person exactly where a reload would put them.
/// </summary>
internal sealed class ContactListModel
{
    private List<ContactView> contacts = [];

    public IReadOnlyList<ContactView> Contacts => contacts;

    public void Reset(IEnumerable<ContactView> loaded) => contacts = Sorted(loaded);

    public void Upsert(ContactView contact) =>
        contacts = Sorted(contacts.Where(c => !Same(c.UserName, contact.UserName)).Append(contact));

    public bool Remove(string userName) => contacts.RemoveAll(c => Same(c.UserName, userName)) > 0;

    /// <summary>False when the person is not a contact: presence reaches everyone sharing a thread too.</summary>
    public bool ApplyPresence(PresenceView view)
    {
        var index = contacts.FindIndex(c => Same(c.UserName, view.UserName));
        if (index < 0)
        {
            return false;
        }
        contacts[index] = contacts[index] with { IsOnline = view.IsOnline, LastSeenAt = view.LastSeenAt ?? contacts[index].LastSeenAt };
        contacts = Sorted(contacts);
        return true;
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static List<ContactView> Sorted(IEnumerable<ContactView> source) =>
        source.OrderByDescending(c => c.IsOnline).ThenBy(c => c.DisplayName, StringComparer.CurrentCultureIgnoreCase).ToList();
}
