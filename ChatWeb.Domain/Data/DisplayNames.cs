namespace ChatWeb.Domain.Data;

public static class DisplayNames
{
    /// <summary>"ann.lee@corp.example" → "ann.lee": a readable default until the person sets a name.</summary>
    public static string FromUserName(string userName)
    {
        var at = userName.IndexOf('@');
        var name = at > 0 ? userName[..at] : userName;
        return name.Length > Entities.ChatUser.DisplayNameMaxLength ? name[..Entities.ChatUser.DisplayNameMaxLength] : name;
    }
}
