import { DomainError } from "../errors";
import type { FieldError } from "../field-errors";

/** The finder's refusals: answers that leave a question it must ask open, or contradict the activity. */
export const finderProblems = {
  incompleteAnswers: (errors: FieldError[]) =>
    new DomainError({
      code: "INCOMPLETE_ANSWERS",
      kind: "validation",
      titleTh: "ยังตอบคำถามไม่ครบ",
      titleEn: "Some questions the finder needs are not answered",
      detail: "Answer every question GET /finder/questions asks for these answers",
      detailTh: "กรุณาตอบทุกคำถามที่ GET /finder/questions ถามสำหรับคำตอบชุดนี้",
      errors,
    }),
  contradictoryAnswers: (errors: FieldError[]) =>
    new DomainError({
      code: "CONTRADICTORY_ANSWERS",
      kind: "validation",
      titleTh: "คำตอบขัดแย้งกับประเภทกิจการที่เลือก",
      titleEn: "Some answers contradict the chosen business activity",
      detail: "Change the answers listed, or choose another activity",
      detailTh: "กรุณาแก้คำตอบที่ระบุ หรือเลือกประเภทกิจการอื่น",
      errors,
    }),
};
