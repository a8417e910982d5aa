using Monitoring.Contracts;
using Monitoring.Core.Ports;
using Monitoring.Core.State;

namespace Monitoring.Core.Tests.Alerting;

/// <summary>The fake the engine tests rely on passes the same contract as the real adapters.</summary>
public sealed class InMemoryStateStoreTests : StateStoreContract
{
    private InMemoryStateStore? _store;

    protected override Task<IStateStore> CreateStoreAsync() => Task.FromResult<IStateStore>(_store = new InMemoryStateStore());

    // Two engine instances share one storage; for the fake that is the same object.
    protected override Task<IStateStore> CreateSecondInstanceAsync() => Task.FromResult<IStateStore>(_store ?? throw new InvalidOperationException("Create the first store first."));
}
