import { guideLink } from './links';
import type { HelpSearchDoc } from './search';

/**
 * 操作说明: the online guide to the screens this platform has today, as data. The web renders it
 * (table of contents, chapters, sections) and the 咨询答疑 search indexes it. Screenshots are
 * generated into web/public/guide/ by a separate script; a missing image must not break a page.
 */
export interface GuideScreenshot {
  /** path under the web root, e.g. /guide/register-desktop.png */
  src: string;
  /** says what the picture shows; shown as the caption too */
  alt: string;
}

export interface GuideSection {
  /** unique across the whole guide: it is the URL fragment (#register-fill-id) */
  id: string;
  title: string;
  paragraphs: string[];
  /** numbered steps, when the section walks through a task */
  steps?: string[];
  screenshot?: GuideScreenshot;
}

export interface GuideChapter {
  /** URL segment: /guide/<id> */
  id: string;
  title: string;
  /** one line for the table of contents */
  summary: string;
  /** the page the chapter is about */
  pagePath: string;
  sections: GuideSection[];
}

export const GUIDE_CHAPTERS: readonly GuideChapter[] = [
  {
    id: 'register',
    title: '会计人员注册',
    summary: '用本人有效证件和手机号注册账号，一个证件号码、一个手机号各只能注册一个账号。',
    pagePath: '/register',
    sections: [
      {
        id: 'register-open',
        title: '打开注册页面',
        paragraphs: [
          '在平台首页右上角点击“注册”按钮，或在首页“会计人员服务”中点击“会计人员注册”，即可进入新用户注册页面（地址为 /register）。',
          '注册页面左侧是填写表单，右侧是“注意事项”卡片，列出注册时最常遇到的问题；卡片中的“帮助中心”链接可打开完整的常见问题列表。用手机浏览时，注意事项显示在表单下方。',
        ],
        screenshot: { src: '/guide/register-desktop.png', alt: '新用户注册页面：左侧为注册表单，右侧为注意事项' },
      },
      {
        id: 'register-id',
        title: '选择证件类型并填写证件号码',
        paragraphs: [
          '“证件类型”有四种：内地居民身份证、港澳居民来往内地通行证、台湾居民来往大陆通行证、护照（外国）。请按本人实际持有的有效证件选择，证件号码和姓名都要与证件上一致。',
          '内地居民身份证号码为18位。系统会检查地区码、出生日期以及最后一位校验码，号码中任意一位输错都会提示“校验位错误”；最后一位是X时，大小写均可。性别和出生日期由身份证号码自动得出，无需填写。',
          '港澳居民来往内地通行证号码为H或M开头加8位数字（可带2位换证次数）；台湾居民来往大陆通行证号码为8位数字；外国护照号码为5至20位字母或数字。选择“护照（外国）”时还要选择国籍。',
          '一个证件号码只能注册一个账号。提示“该证件号码已注册”说明此前已用该证件注册过，请直接登录；不记得密码时使用“忘记密码”。',
        ],
      },
      {
        id: 'register-name',
        title: '填写真实姓名（含生僻字）',
        paragraphs: [
          '真实姓名须与证件上的姓名完全一致。使用内地居民身份证注册时，姓名只能由汉字和间隔号“·”组成，长度为2至30个字；使用其他证件时，可以包含字母、空格和“·”，长度为2至60个字符。',
          '如果姓名里有输入法打不出的生僻字，点击“真实姓名”输入框右侧的“生僻字”按钮，在弹出的选择框中按拼音查找并点选，该字会插入到光标所在位置。生僻字与普通汉字一样计为一个字。',
        ],
        screenshot: { src: '/guide/register-rare-char.png', alt: '点击“生僻字”按钮后弹出的生僻字选择框' },
      },
      {
        id: 'register-password',
        title: '设置密码',
        paragraphs: [
          '密码长度为8至64位，须至少包含大写字母、小写字母、数字、特殊符号中的3种，不能含空格，也不能包含本人的证件号码或手机号。',
          '“确认密码”须与“密码”完全相同。密码不符合要求时，输入框下方会直接显示原因，按提示修改即可。',
        ],
      },
      {
        id: 'register-sms',
        title: '填写手机号并获取短信验证码',
        paragraphs: [
          '填写本人正在使用的11位手机号，然后点击“免费获取验证码”。一个手机号只能绑定一个账号，若提示“该手机号已被其他账号使用”，请更换手机号或用该手机号登录原账号。',
          '短信验证码为6位数字，发送后3分钟内有效，且只能使用一次。同一手机号每3分钟只能获取一次，按钮上的倒计时结束后才能再次获取。同一个验证码最多允许输错5次，之后作废，需要重新获取。',
        ],
      },
      {
        id: 'register-submit',
        title: '提交注册',
        paragraphs: ['全部信息填写无误后点击“注册”。注册成功后即可用证件号码或手机号登录。'],
        steps: [
          '选择证件类型，填写证件号码。',
          '填写真实姓名，生僻字用“生僻字”按钮选择。',
          '设置密码并再次输入确认。',
          '填写手机号，点击“免费获取验证码”，输入收到的6位验证码。',
          '点击“注册”，看到注册成功的提示后前往登录。',
        ],
        screenshot: { src: '/guide/register-mobile.png', alt: '手机上的注册页面，各项信息自上而下排列' },
      },
    ],
  },
  {
    id: 'login',
    title: '会计人员登录',
    summary: '用证件号码或手机号、密码和图形验证码登录；登录后右上角显示脱敏姓名。',
    pagePath: '/login',
    sections: [
      {
        id: 'login-open',
        title: '进入登录页面',
        paragraphs: ['在平台首页右上角点击“会计人员登录”，进入登录页面（地址为 /login）。还没有账号的，可以在登录页点击“注册”先注册。'],
        screenshot: { src: '/guide/login-desktop.png', alt: '会计人员登录页面：账号、密码、图形验证码和登录按钮' },
      },
      {
        id: 'login-fill',
        title: '填写账号、密码和图形验证码',
        paragraphs: [
          '账号一栏可以填写注册时的证件号码，也可以填写注册时绑定的手机号。再输入密码和图片中的字符，点击“登录”。',
          '图形验证码不区分大小写，每张只能使用一次，5分钟后过期。看不清时点击图片即可换一张；登录失败后也需要重新输入新的验证码。',
        ],
      },
      {
        id: 'login-lock',
        title: '密码输错与账号锁定',
        paragraphs: [
          '为防止他人猜测密码，连续输错5次密码后，账号会被锁定30分钟，锁定期间即使输入正确的密码也无法登录，页面会提示可以再次尝试的时间。',
          '锁定时间到后自动解锁；也可以通过“忘记密码”重置密码，重置成功后锁定立即解除。',
        ],
      },
      {
        id: 'login-success',
        title: '登录成功后',
        paragraphs: [
          '登录成功后自动回到首页，页面右上角显示脱敏后的姓名，例如“王晓明”显示为“王**”，以免旁人看到完整姓名。首页的问候语也使用脱敏姓名。',
          '点击右上角的姓名可以展开菜单选择“退出登录”，也可以直接点击旁边的“退出”按钮。',
        ],
        screenshot: { src: '/guide/login-masked-name.png', alt: '登录后首页右上角显示脱敏姓名“王**”和“退出”按钮' },
      },
      {
        id: 'login-session',
        title: '登录有效期',
        paragraphs: [
          '登录后30分钟内没有任何操作，系统会自动退出；无论是否有操作，一次登录最长保持12小时。超时后再操作会提示“登录已超时，请重新登录”，重新登录即可。',
          '在公共电脑上使用完毕后，请主动点击“退出”。',
        ],
      },
    ],
  },
  {
    id: 'forgot-password',
    title: '找回密码',
    summary: '核对证件号码、真实姓名和手机号后，用短信验证码设置新密码。',
    pagePath: '/forgot-password',
    sections: [
      {
        id: 'forgot-open',
        title: '进入找回密码页面',
        paragraphs: ['在登录页点击“登录”按钮右下方的“忘记密码”，进入找回密码页面（地址为 /forgot-password）。页面右侧的“注意事项”列出了找回密码时的常见问题。'],
        screenshot: { src: '/guide/forgot-password-desktop.png', alt: '找回密码页面：证件号码、真实姓名、新密码、手机号和验证码' },
      },
      {
        id: 'forgot-fill',
        title: '填写信息并重置',
        paragraphs: [
          '证件号码、真实姓名和手机号都必须与注册时填写的一致（姓名中的生僻字同样用“生僻字”按钮选择），新密码的要求与注册时相同。',
          '信息与注册信息不一致时，页面提示“证件号码、真实姓名、手机号与注册信息不一致”，刚才使用的验证码随之作废，核对后需要重新获取验证码。',
        ],
        steps: [
          '填写证件号码和真实姓名。',
          '填写新密码，并在“确认新密码”中再输入一次。',
          '填写注册时绑定的手机号，点击“免费获取验证码”，输入6位验证码。',
          '点击“确认重置密码”。',
        ],
      },
      {
        id: 'forgot-after',
        title: '重置之后',
        paragraphs: [
          '密码重置成功后，该账号在所有设备上的登录都会立即失效，需要用新密码重新登录。若账号此前因密码输错被锁定，重置后锁定同时解除。',
        ],
      },
    ],
  },
  {
    id: 'help-center',
    title: '帮助中心',
    summary: '按类别浏览注册、登录、找回密码、账号安全等常见问题，支持关键词搜索。',
    pagePath: '/help',
    sections: [
      {
        id: 'help-browse',
        title: '浏览常见问题',
        paragraphs: [
          '页面底部的“帮助中心”链接、注册页和找回密码页“注意事项”中的链接都可进入帮助中心（地址为 /help）。问题按“注册”“登录”“找回密码”“账号安全”等类别分组，点击问题即可展开答案。',
          '每个问题都有自己的链接（地址末尾为 #faq- 加编号），打开这样的链接时，对应问题会自动展开并滚动到页面中。',
        ],
        screenshot: { src: '/guide/help-center-desktop.png', alt: '帮助中心页面：搜索框和按类别分组的常见问题' },
      },
      {
        id: 'help-search',
        title: '搜索问题',
        paragraphs: [
          '在“搜索常见问题”输入框中输入关键词（例如“验证码”“锁定”），按回车或点击搜索按钮，列表只保留相关的问题；清空输入框即恢复全部问题。',
          '搜不到想要的内容时，可以到“咨询答疑”用一句话描述问题，或查看“操作说明”。',
        ],
      },
    ],
  },
  {
    id: 'ask',
    title: '咨询答疑',
    summary: '用一句话提问，系统从帮助中心和操作说明中找出最相关的内容。',
    pagePath: '/ask',
    sections: [
      {
        id: 'ask-question',
        title: '提出问题',
        paragraphs: [
          '进入咨询答疑页面（地址为 /ask），在“您的问题”输入框中用自己的话描述问题，例如“忘记密码怎么办”“验证码多久有效”，然后点击“提问”。',
          '系统会在帮助中心的常见问题和本操作说明中查找，列出最相关的3至5条内容，每条都注明来源（常见问题或操作说明）并附有链接，点击可查看完整内容。',
        ],
        screenshot: { src: '/guide/ask-desktop.png', alt: '咨询答疑页面：问题输入框和按相关程度排列的答案' },
      },
      {
        id: 'ask-no-answer',
        title: '没有找到答案时',
        paragraphs: [
          '如果问题与平台业务无关，或者换了说法仍找不到，页面会明确提示没有找到相关内容。此时可以换一种说法再问，浏览帮助中心，或联系客服。',
        ],
      },
    ],
  },
  {
    id: 'admin',
    title: '管理端',
    summary: '工作人员登录管理端；系统管理员管理工作人员账号和帮助中心的常见问题。',
    pagePath: '/admin',
    sections: [
      {
        id: 'admin-login',
        title: '管理端登录',
        paragraphs: [
          '管理端供会计管理部门、考试管理机构和系统管理员使用，与会计人员端分开登录（地址为 /admin）。在登录页填写用户名、密码和图形验证码后点击“登录”。',
          '与会计人员账号一样，连续输错5次密码会锁定30分钟；账号被停用后无法登录。管理端的登录与会计人员端互不影响，同一浏览器可以分别登录。',
        ],
        screenshot: { src: '/guide/admin-login.png', alt: '管理端登录页面：用户名、密码和图形验证码' },
      },
      {
        id: 'admin-staff-create',
        title: '新建工作人员账号',
        paragraphs: [
          '只有系统管理员可以管理工作人员账号。在“工作人员管理”中点击“新建”，填写用户名、姓名、角色、所属会计管理部门和初始密码后保存。',
          '用户名为3至32位，由小写字母、数字、下划线、点或短横线组成，须以字母开头，且不能与已有用户名重复。角色分为系统管理员、审核员和主管；审核员和主管必须选择所属会计管理部门，系统管理员不属于任何部门。初始密码须符合与会计人员相同的密码规则。',
        ],
        screenshot: { src: '/guide/admin-staff.png', alt: '工作人员管理页面：工作人员列表和“新建”按钮' },
      },
      {
        id: 'admin-staff-manage',
        title: '停用、启用与重置密码',
        paragraphs: [
          '在工作人员列表中可以停用或重新启用账号，也可以为其重置密码。停用账号或重置密码后，该工作人员已有的登录会立即失效；重置密码还会解除因输错密码造成的锁定。',
          '系统管理员不能停用自己的账号。每一次新建、停用、启用和重置密码都会记入审计日志。',
        ],
      },
      {
        id: 'admin-faq',
        title: '维护帮助中心的常见问题',
        paragraphs: [
          '系统管理员可以在管理端的“常见问题”（地址为 /admin/faq）中新增、修改和删除帮助中心的问题与答案，并设置所属类别和排列顺序。保存后帮助中心和咨询答疑立即使用新的内容，每次修改都会记入审计日志。',
        ],
        screenshot: { src: '/guide/admin-faq.png', alt: '常见问题维护页面：问题列表及新增、编辑、删除按钮' },
      },
    ],
  },
];

export function findGuideChapter(id: string | undefined): GuideChapter | undefined {
  return GUIDE_CHAPTERS.find((c) => c.id === id);
}

/** Every guide section as a document for the 咨询答疑 index. */
export function guideSearchDocs(chapters: readonly GuideChapter[] = GUIDE_CHAPTERS): HelpSearchDoc[] {
  return chapters.flatMap((c) =>
    c.sections.map((s) => ({
      id: `guide:${c.id}/${s.id}`,
      kind: 'guide' as const,
      title: `${c.title} · ${s.title}`,
      body: [...s.paragraphs, ...(s.steps ?? [])].join('\n'),
      link: guideLink(c.id, s.id),
    })),
  );
}
