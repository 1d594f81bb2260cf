package dev.crumb.internal.store;

import dev.crumb.store.CrumbStore;
import dev.crumb.CrumbStores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;

@DisplayName("in-memory store")
class InMemoryStoreTest extends StoreContract {
    private CrumbStore store;

    @BeforeEach
    void openStore() {
        store = CrumbStores.inMemory();
    }

    @Override
    CrumbStore store() {
        return store;
    }
}
