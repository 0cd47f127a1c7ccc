using ChatWeb.BrowserTests.Infrastructure;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace ChatWeb.BrowserTests.Scenarios;

/// <summary>Signing in with the company's account through a real OpenID Provider, in a real browser.</summary>
public sealed class CompanySignInTests(CompanySignInSetup sso, BrowserHost host)
    : BrowserScenario(sso.Server, host), IClassFixture<CompanySignInSetup>
{
    [Fact]
    public async Task SignInWithCompanyAccount_TwoPeople_LandInTheChatAndTalkLive()
    {
        var (alicePerson, bobPerson) = (Person.Create("Alice Martin"), Person.Create("Bob Stone"));
        await sso.AddToDirectoryAsync(alicePerson);
        await sso.AddToDirectoryAsync(bobPerson);
        var alice = await OpenDeviceAsync(alicePerson);
        var bob = await OpenDeviceAsync(bobPerson);

        await alice.SignInWithCompanyAccountAsync();
        await bob.SignInWithCompanyAccountAsync();
        var threadId = await alice.NewChat.StartDirectChatAsync(bob.Person);
        await alice.Conversation.SendAsync("Signed in with Contoso, hello!");

        await Expect(alice.Page.Locator(".signed-in-user")).ToHaveTextAsync("Alice Martin");
        await Expect(ThreadListPane.Name(bob.Threads.Item(threadId))).ToHaveTextAsync("Alice Martin");
        await bob.Threads.OpenAsync(threadId);
        await Expect(bob.Conversation.MessageWithText("Signed in with Contoso, hello!")).ToBeVisibleAsync();
        await Expect(bob.Conversation.PresenceDot).ToHaveAttributeAsync("data-online", "true");
    }
}
