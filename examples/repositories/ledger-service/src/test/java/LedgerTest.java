// Demo file: src/test/java/LedgerTest.java
