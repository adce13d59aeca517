using SupportFlow.IntegrationTests.Infrastructure;

namespace SupportFlow.IntegrationTests.Users;

/// <summary>
/// One <see cref="Infrastructure.Desk"/> shared by all tests of a class (setting it up is the slow part).
/// Tests sharing it create their own users, teams and modules under unique names.
/// </summary>
public sealed class DeskFixture : IAsyncLifetime
{
    public Desk Desk { get; private set; } = null!;

    public async Task InitializeAsync() => Desk = await Desk.OpenAsync();

    public async Task DisposeAsync() => await Desk.DisposeAsync();
}
