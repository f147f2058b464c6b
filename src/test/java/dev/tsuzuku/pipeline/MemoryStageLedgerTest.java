package dev.tsuzuku.pipeline;

class MemoryStageLedgerTest extends StageLedgerContract {
    @Override
    protected StageLedger newLedger() {
        return new MemoryStageLedger();
    }
}
