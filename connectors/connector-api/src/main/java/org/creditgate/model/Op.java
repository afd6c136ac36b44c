package org.creditgate.model;

/** What a message does to its record: 新增 / 变更 / 删除(撤销). */
public enum Op {
    ADD, UPDATE, DELETE
}
