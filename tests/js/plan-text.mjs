// A small reader plan in the shape of the prose seeds: chapters, numbered items, department clauses.
export const planText = `深圳市2019年知识产权工作要点
一、强化知识产权保护
（一）加大执法力度。开展专利执法专项行动。（市市场监管局负责）
（二）推进快速维权。建设知识产权保护中心。（市市场监管局牵头，市司法局配合）
二、促进知识产权运用
（三）推进专利质押融资。扩大质押融资规模。（市金融局负责）
`;
export const planMeta = { region: '深圳市', level: 'city', yearStart: 2019 };
