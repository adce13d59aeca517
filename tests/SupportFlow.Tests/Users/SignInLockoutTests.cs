using SupportFlow.Users;

namespace SupportFlow.Tests.Users;

public sealed class SignInLockoutTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 20, 6, 30, 0, TimeSpan.Zero);

    [Fact]
    public void FourWrongPasswordsDoNotLockButTheFifthLocksForFifteenMinutes()
    {
        var user = new User("bob", "Bob", Role.Reporter, Now);
        for (var i = 0; i < SignInLockout.MaxFailures - 1; i++)
        {
            user.RecordFailedSignIn(Now);
        }

        Assert.False(user.IsLockedOut(Now));
        user.RecordFailedSignIn(Now);
        Assert.True(user.IsLockedOut(Now.AddMinutes(14)));
        Assert.False(user.IsLockedOut(Now.AddMinutes(15)));
    }

    [Fact]
    public void ASuccessfulSignInStartsTheCountAgain()
    {
        var user = new User("bob", "Bob", Role.Reporter, Now);
        for (var i = 0; i < SignInLockout.MaxFailures - 1; i++)
        {
            user.RecordFailedSignIn(Now);
        }

        user.RecordSignIn();
        user.RecordFailedSignIn(Now);
        Assert.False(user.IsLockedOut(Now));
        Assert.Equal(1, user.FailedSignIns);
    }
}
