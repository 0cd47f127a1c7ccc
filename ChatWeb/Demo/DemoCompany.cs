namespace ChatWeb.Demo;

internal sealed record DemoPerson(string Handle, string DisplayName, TimeSpan LastSeenAgo)
{
    public string Email => $"{Handle}@demo.local";
}

/// <summary>A conversation: a group has a title and an owner (its first member); a direct one has two members and no title.</summary>
internal sealed record DemoThread(string Key, string? Title, string[] Members, int UnreadForAlice);

/// <summary>When a line was said: a day and a time (UTC) some days back, or some minutes ago today.</summary>
internal sealed record DemoMoment(int DaysAgo, TimeOnly At, int MinutesAgo)
{
    public DateTimeOffset Resolve(DateTimeOffset now) => MinutesAgo > 0
        ? now.AddMinutes(-MinutesAgo)
        : new DateTimeOffset(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-DaysAgo), At, TimeSpan.Zero);
}

internal sealed record DemoLine(string Thread, DemoMoment When, string Sender, string Text);

/// <summary>
/// Northwind Labs, the demo company: ten colleagues, three groups, six direct chats and the last
/// four days of their work. Alice (alice@demo.local) has caught up on most of it, not all.
/// Days back are at office hours no later than 18:00 and today's lines at most two hours ago, so
/// every thread's lines are in time order whatever the time of day the demo is seeded.
/// </summary>
internal static class DemoCompany
{
    public const string Alice = "alice";

    public static readonly DemoPerson[] People =
    [
        new(Alice, "Alice Martin", TimeSpan.FromMinutes(4)),
        new("bob", "Bob Stone", TimeSpan.FromMinutes(12)),
        new("carol", "Carol Nguyen", TimeSpan.FromMinutes(35)),
        new("david", "David Okafor", TimeSpan.FromHours(2)),
        new("emma", "Emma Schmidt", TimeSpan.FromHours(1)),
        new("farid", "Farid Haddad", TimeSpan.FromHours(20)),
        new("grace", "Grace Kim", TimeSpan.FromMinutes(50)),
        new("hiro", "Hiro Tanaka", TimeSpan.FromMinutes(20)),
        new("irene", "Irene Rossi", TimeSpan.FromHours(3)),
        new("jonas", "Jonas Berg", TimeSpan.FromHours(26)),
    ];

    public static readonly DemoThread[] Threads =
    [
        new("launch", "Product launch", [Alice, "bob", "carol", "david", "emma", "hiro"], UnreadForAlice: 3),
        new("engineering", "Engineering", ["hiro", "bob", "david", "jonas", Alice], UnreadForAlice: 0),
        new("lunch", "Lunch & coffee", ["irene", Alice, "bob", "carol", "david", "emma", "farid", "grace", "hiro", "jonas"], UnreadForAlice: 2),
        new("alice-bob", null, [Alice, "bob"], UnreadForAlice: 0),
        new("alice-carol", null, ["carol", Alice], UnreadForAlice: 2),
        new("alice-grace", null, ["grace", Alice], UnreadForAlice: 0),
        new("alice-hiro", null, ["hiro", Alice], UnreadForAlice: 0),
        new("bob-jonas", null, ["jonas", "bob"], UnreadForAlice: 0),
        new("emma-farid", null, ["emma", "farid"], UnreadForAlice: 0),
    ];

    /// <summary>Alice's address book.</summary>
    public static readonly string[] AliceContacts = ["bob", "carol", "grace", "hiro"];

    public static readonly DemoLine[] History =
    [
        Line("launch", Day(4, 9, 2), Alice, "Morning all! Kick-off for the 2.4 launch: release is planned for Thursday."),
        Line("launch", Day(4, 9, 6), "hiro", "Engineering is on track. Two tickets left on the new onboarding flow."),
        Line("launch", Day(4, 9, 11), "carol", "Final designs for the welcome screens are in the shared folder."),
        Line("launch", Day(4, 9, 14), "emma", "I'll draft the announcement post and the customer email today."),
        Line("launch", Day(4, 9, 20), "david", "Test plan is ready. I'd like a build on staging by Tuesday noon."),
        Line("launch", Day(4, 9, 23), Alice, "Perfect, thanks everyone."),
        Line("lunch", Day(4, 11, 48), "irene", "Thai place or the canteen today?"),
        Line("lunch", Day(4, 11, 50), "bob", "Thai!"),
        Line("lunch", Day(4, 11, 51), "grace", "Thai, meet at the lifts at 12:15?"),
        Line("lunch", Day(4, 11, 53), Alice, "Count me in"),
        Line("alice-bob", Day(4, 14, 30), Alice, "Bob, do you have ten minutes for the API changes in 2.4?"),
        Line("alice-bob", Day(4, 14, 34), "bob", "Sure, call in five?"),
        Line("alice-bob", Day(4, 14, 35), Alice, "Great, sending an invite."),
        Line("emma-farid", Day(4, 16, 5), "farid", "Can I show the new onboarding to Contoso on Friday?"),
        Line("emma-farid", Day(4, 16, 12), "emma", "After Thursday's release, yes. I'll send you the slides."),
        Line("engineering", Day(3, 8, 45), "hiro", "Reminder: code freeze for 2.4 is Wednesday 18:00."),
        Line("engineering", Day(3, 8, 52), "jonas", "Staging was upgraded overnight, all green."),
        Line("engineering", Day(3, 9, 30), "bob", "PR for the onboarding API is up, reviews welcome."),
        Line("engineering", Day(3, 10, 2), "david", "Reviewed, two small comments."),
        Line("engineering", Day(3, 10, 15), "bob", "Fixed and merged, thanks David."),
        Line("alice-carol", Day(3, 11, 0), "carol", "Could you look at the empty-state illustration? Two options."),
        Line("alice-carol", Day(3, 11, 20), Alice, "Option B, the friendlier one. Lovely work!"),
        Line("alice-grace", Day(3, 13, 40), "grace", "Support got three questions about exporting chats this week."),
        Line("alice-grace", Day(3, 13, 46), Alice, "Thanks, I'll add export to the roadmap discussion."),
        Line("bob-jonas", Day(3, 15, 10), "jonas", "Can you take the on-call shift on Saturday? I'm away."),
        Line("bob-jonas", Day(3, 15, 18), "bob", "Yes, no problem. Swap for next weekend?"),
        Line("bob-jonas", Day(3, 15, 19), "jonas", "Deal, thanks!"),
        Line("launch", Day(3, 16, 30), "emma", "Draft announcement: the new onboarding gets people to their first chat in under a minute."),
        Line("launch", Day(3, 16, 41), Alice, "Love it. Can we add a screenshot of the welcome screen?"),
        Line("launch", Day(3, 16, 44), "carol", "I'll export one in both themes."),
        Line("lunch", Day(2, 10, 15), "irene", "It's Grace's birthday today: cake in the kitchen at 15:00!"),
        Line("lunch", Day(2, 10, 17), "hiro", "Happy birthday Grace!"),
        Line("lunch", Day(2, 10, 18), "carol", "Happy birthday!!"),
        Line("lunch", Day(2, 10, 31), "grace", "Thank you all, see you at three"),
        Line("engineering", Day(2, 13, 5), "jonas", "Heads-up: the database maintenance window is tonight 22:00 to 22:30."),
        Line("engineering", Day(2, 13, 9), "hiro", "Noted. Nothing deploys during the window."),
        Line("launch", Day(2, 14, 0), "david", "Staging build passed the full test plan. One cosmetic bug left."),
        Line("launch", Day(2, 14, 6), "carol", "That's the button spacing, fix is in review."),
        Line("launch", Day(2, 14, 10), "hiro", "We can ship it with the release candidate."),
        Line("alice-hiro", Day(2, 17, 20), "hiro", "Do we want the release on Thursday morning or afternoon?"),
        Line("alice-hiro", Day(2, 17, 26), Alice, "Morning, so support has the whole day with it."),
        Line("alice-hiro", Day(2, 17, 27), "hiro", "Morning it is."),
        Line("engineering", Day(1, 9, 10), "bob", "Release candidate 2.4.0-rc1 is on staging."),
        Line("engineering", Day(1, 9, 25), "david", "Smoke tests pass on rc1."),
        Line("engineering", Day(1, 9, 40), Alice, "Great work, team."),
        Line("lunch", Day(1, 12, 0), "david", "Anyone up for a walk after lunch? The sun is out."),
        Line("lunch", Day(1, 12, 4), "emma", "Yes please"),
        Line("emma-farid", Day(1, 14, 22), "emma", "Slides for Friday are in your inbox."),
        Line("emma-farid", Day(1, 14, 30), "farid", "Thanks Emma, they look great."),
        Line("alice-grace", Day(1, 16, 0), "grace", "Support's release notes are ready for review when you have a minute."),
        Line("alice-grace", Day(1, 16, 25), Alice, "Read them, all good. Ship them with the release."),
        Line("launch", Day(1, 17, 45), Alice, "Go/no-go tomorrow at 9:00. Please post blockers before then."),
        Line("launch", Day(1, 17, 50), "bob", "No blockers from the backend."),
        Line("engineering", MinutesAgo(110), "jonas", "Production deploy of 2.4.0 starts in ten minutes."),
        Line("engineering", MinutesAgo(95), "jonas", "Deploy finished, all health checks green."),
        Line("engineering", MinutesAgo(93), "hiro", "Nice and smooth, thanks Jonas."),
        Line("alice-bob", MinutesAgo(80), "bob", "The export idea from support: I sketched an API for it."),
        Line("alice-bob", MinutesAgo(76), Alice, "Let's look at it together after the launch."),
        Line("alice-carol", MinutesAgo(58), "carol", "The launch banner is live on the website."),
        Line("alice-carol", MinutesAgo(57), "carol", "Have a look when you can and tell me what you think."),
        Line("launch", MinutesAgo(40), "emma", "Announcement is published, the customer email goes out at 11:00."),
        Line("launch", MinutesAgo(31), "david", "First customer feedback is very positive!"),
        Line("launch", MinutesAgo(12), "hiro", "Zero errors in the logs since the release. Well done everyone."),
        Line("lunch", MinutesAgo(25), "irene", "Team lunch to celebrate the release? My treat, 12:30."),
        Line("lunch", MinutesAgo(9), "farid", "I'm in!"),
    ];

    public static DemoPerson Person(string handle) => People.Single(p => p.Handle == handle);

    private static DemoLine Line(string thread, DemoMoment when, string sender, string text) => new(thread, when, sender, text);

    private static DemoMoment Day(int daysAgo, int hour, int minute) => new(daysAgo, new TimeOnly(hour, minute), MinutesAgo: 0);

    private static DemoMoment MinutesAgo(int minutes) => new(0, default, minutes);
}
