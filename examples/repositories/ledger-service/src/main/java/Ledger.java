// Demo file: src/main/java/Ledger.java
