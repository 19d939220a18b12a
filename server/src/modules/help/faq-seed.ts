/** Initial 帮助中心 questions; administrators edit them afterwards in the management portal. */
export const FAQ_SEED: ReadonlyArray<{ category: string; question: string; answer: string }> = [
  { category: '注册', question: '注册时提示“该证件号码已注册”怎么办？', answer: '一个证件号码只能注册一个账号。如果忘记了密码，请在登录页点击“忘记密码”，用注册时的证件号码、真实姓名和手机号重置密码。' },
];
