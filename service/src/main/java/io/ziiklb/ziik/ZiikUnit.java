package io.ziiklb.ziik;

/**
 * A Ziik unit.
 *
 * @param parentId null only for the top unit
 * @param unitType {@code "unit"} or {@code "department"}; only units are mirrored to Learningbank
 */
public record ZiikUnit(long id, String name, Long parentId, int level, String unitType, String reference) {

    public boolean isTop() {
        return parentId == null;
    }

    public boolean mirrored() {
        return "unit".equals(unitType);
    }
}
