package io.jiesu.core.knowledge;

/** The policy an answer rests on: the document's name and its number (文号), e.g. 京政办发〔2024〕12号. */
public record PolicyBasis(String document, String number) {
    @Override
    public String toString() {
        return number == null || number.isBlank() ? document : document + "（" + number + "）";
    }
}
