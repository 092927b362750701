import { describe, expect, it } from 'vitest';
import { createEventCoder } from './coder.js';
import type { CodedEvent } from './types.js';

const coder = createEventCoder();
const code = (text: string): CodedEvent[] => coder.code({ text, publishedAt: '2000-01-05T12:00:00Z' });
const dyads = (events: CodedEvent[]): string[] =>
  events.map((e) => `${e.source?.code ?? '-'}>${e.targets.map((t) => t.code).join('+') || '-'}:${e.type}`);

describe('reciprocal interactions', () => {
  it('codes both parties of talks "with" a partner as sources', () => {
    expect(dyads(code('China held talks with North Korea on Monday.'))).toEqual([
      'CHN>-:CONSULT',
      'PRK>-:CONSULT',
    ]);
    expect(dyads(code('Afghanistan has been sharing intelligence with Pakistan.'))).toEqual([
      'AFG>-:COOPERATE',
      'PAK>-:COOPERATE',
    ]);
  });

  it('treats the object of a phone call as the other party', () => {
    expect(dyads(code('The German chancellor telephoned the French president on Tuesday.'))).toEqual([
      'DEUGOV>-:CONSULT',
      'FRAGOV>-:CONSULT',
    ]);
  });

  it('keeps the direction of visits and meetings', () => {
    expect(dyads(code('Japanese Prime Minister Koizumi visited China.'))).toEqual(['JPNGOV>CHN:CONSULT']);
  });

  it('codes a nominal event with a coordinated subject for each party', () => {
    expect(dyads(code('Chile and Peru renewed negotiations on Friday.'))).toEqual([
      'CHL>-:CONSULT',
      'PER>-:CONSULT',
    ]);
  });
});

describe('disaster filter', () => {
  it('does not read the verbs "storm" and "opened fire" as a storm or a fire', () => {
    expect(
      dyads(
        code(
          'Georgian President Eduard Shevardnadze resigned while opposition crowds threatened to storm the parliament.',
        ),
      ),
    ).toContain('GEOGOV>-:RETREAT');
    expect(dyads(code('Egyptian police opened fire on demonstrators in Cairo.'))).toEqual([
      'EGYCOP>EGYCVL:ASSAULT',
    ]);
  });
});

describe('protest targets', () => {
  it("directs a protest without a named target at the protesters' government, after country inference", () => {
    expect(dyads(code('Students throughout Indonesia staged large demonstrations on Sunday.'))).toEqual([
      'IDNCVL>IDNGOV:PROTEST',
    ]);
  });
});

describe('where the object zone ends', () => {
  it('does not take parties after "according to", "without …ing" or ", and said" as targets', () => {
    expect(
      dyads(code('Ousted President Askar Akayev agreed to step down without travelling to Kazakhstan.')),
    ).toEqual(['KGZELI>-:AGREE']);
    expect(
      dyads(
        code(
          'Ivory Coast rebels rejected a Ghanaian peace proposal, and said they opposed any foreign troops.',
        ),
      ),
    ).toContain('CIVREB>GHA:REJECT');
  });

  it('does not take the parties of a purpose clause as targets of a request', () => {
    expect(
      dyads(
        code(
          'Maduro wrote to Xi Jinping requesting expanded military cooperation to counter tensions between the U.S. and Venezuela.',
        ),
      ).filter((d) => d.includes('USA')),
    ).toEqual([]);
  });
});

describe('prepositions that mark the target', () => {
  it('treats the "to" of a complaint as its addressee, not its target', () => {
    expect(dyads(code('Jordan complained to the United Nations about three Syrian air raids.'))).toEqual([
      'JOR>SYR:ACCUSE',
    ]);
  });

  it('takes the recipient of aid after "to", not the thing given', () => {
    expect(dyads(code('The United States is providing military intelligence to Macedonia.'))).toEqual([
      'USA>MKD:AID',
    ]);
  });

  it('takes the place as target of a concession or a request for refuge', () => {
    expect(dyads(code('Serbia eased its emergency rules on Friday in Montenegro.'))).toEqual([
      'SRB>MNE:CONCEDE',
    ]);
    expect(dyads(code('Hundreds of Syrian Kurds have sought refuge in Sweden.'))).toEqual([
      'SYRCVL>SWE:REQUEST',
    ]);
  });

  it('codes inspectors sent to a place as an investigation of it', () => {
    expect(dyads(code('The IAEA dispatched inspectors to a reactor site in northern Iran.'))).toEqual([
      'IGOIAE>IRN:ACCUSE',
    ]);
  });
});

describe('verb forms', () => {
  it('reads "a United Nations appeal" and "a US offer" as nouns, not verbs', () => {
    expect(dyads(code('Damascus rejected a United Nations appeal to open the border.'))).toEqual([
      'SYRGOV>IGOUNO:REJECT',
    ]);
    expect(dyads(code('Arafat rejected a US offer of new talks.'))).toEqual(['PSEGOV>USA:REJECT']);
  });

  it('allows an adverb before a particle and reads "is opposed to" as active', () => {
    expect(dyads(code('France is pushing hard for German backing.'))).toEqual(['FRA>DEU:REQUEST']);
    expect(dyads(code('Egypt is opposed to Turkish mediation in the dispute.'))).toEqual(['EGY>TUR:REJECT']);
  });

  it('reads a gerund after "resume" as the action and British "cancelled"', () => {
    expect(dyads(code('The Serbian army prepared to resume shelling Croatian positions.'))).toEqual([
      'SRBMIL>HRV:MOBILIZE',
    ]);
    expect(dyads(code('A Belgian minister cancelled her visit to Rwanda.'))).toEqual(['BELGOV>RWA:SANCTION']);
  });

  it('keeps "to be deployed" in the background of the main verb', () => {
    expect(
      dyads(code('The African Union rejected a call for its troops to be deployed in Somalia.')),
    ).toEqual(['IGOAFU>-:REJECT']);
  });
});

describe('reported speech', () => {
  it('codes "X said Y must …" even when a background request is in the sentence', () => {
    expect(
      dyads(
        code(
          'A Spanish minister reiterated that Morocco must hand over the suspects as he flew home to seek support.',
        ),
      ),
    ).toEqual(['ESPGOV>MAR:REQUEST']);
  });

  it('does not make the reporter the source of an arrival', () => {
    expect(
      dyads(code('Pakistani peacekeeping troops arrived in Liberia on Monday, U.N. officials said.')),
    ).toEqual([]);
  });
});

describe('disaster context', () => {
  it('keeps a disaster named in an earlier sentence as the context of a state of emergency', () => {
    expect(
      code('Wildfires have burned for a week in the north. The cabinet declared a state of emergency.'),
    ).toEqual([]);
    expect(dyads(code('The army declared a state of emergency in the capital.'))).toEqual([
      '---MIL>-:COERCE',
    ]);
  });
});

describe('coordinated verbs', () => {
  it('gives a coordinated verb the subject of the first verb, never its object', () => {
    expect(dyads(code('Police arrested one protester and wounded two others.'))).toEqual([
      '---COP>---CVL:COERCE',
      '---COP>-:ASSAULT',
    ]);
  });
});

describe('unidentified attackers', () => {
  it('codes armed violence by no named actor as unidentified armed forces of the place', () => {
    expect(dyads(code('A roadside bomb near Mosul on Friday killed two U.S. soldiers.'))).toEqual([
      'IRQUAF>USAMIL:ASSAULT',
    ]);
    expect(dyads(code('Two US soldiers were killed by a hidden explosive device near Basra.'))).toEqual([
      'IRQUAF>USAMIL:ASSAULT',
    ]);
  });

  it('does not invent attackers for accidents', () => {
    expect(code('A bus crash near Basra killed three US servicemen.')).toEqual([]);
  });
});

describe('main and background events', () => {
  it('keeps a meeting directed and a reduced relative participle in the background', () => {
    expect(
      dyads(
        code(
          'Tunisian diplomats held a first meeting with President Obama during a dinner hosted by the embassy.',
        ),
      ),
    ).toEqual(['TUNGOV>USAGOV:CONSULT']);
  });

  it('takes a country adjective of the direct object before a later prepositional actor', () => {
    expect(dyads(code('Egypt is opposed to Turkish mediation in peace talks with Sudan.'))).toEqual([
      'EGY>TUR:REJECT',
    ]);
  });
});

describe('helped actions', () => {
  it('codes the helped action, not aid, after "help"', () => {
    expect(dyads(code('Qatar mobilized charities to help support Palestinian refugees.'))).toEqual([
      'QAT>PSEREF:SUPPORT',
    ]);
  });
});

describe('appositives', () => {
  it('takes the speaker before an appositive between subject and speech verb', () => {
    expect(
      dyads(
        code(
          'The Nigerian Union of Teachers, the largest labour body in the country, said on Friday it had called off its strike.',
        ),
      ),
    ).toEqual(['NGALAB>-:CONCEDE']);
  });
});

describe('mobilisation and location', () => {
  it('does not make the forces mobilised the target', () => {
    expect(dyads(code('The government of Kenya ordered joint patrols by police and soldiers.'))).toEqual([
      'KENGOV>-:MOBILIZE',
    ]);
  });

  it('gives the country of the location', () => {
    const [event] = code('Protesters rallied against the government in Caracas.');
    expect([event?.location, event?.locationCountry]).toEqual(['Caracas', 'VEN']);
  });
});

describe('domestic places', () => {
  it('targets the source country for a concession in a place the lexicon does not know', () => {
    expect(
      dyads(code("Chad's government has lifted the state of emergency in the Marieholm region.")),
    ).toEqual(['TCDGOV>TCD:CONCEDE']);
  });

  it('reads "in West Darfur" as a place and states a curfew extension as a threat', () => {
    expect(dyads(code("Sudan's government lifted the emergency in West Darfur on Monday."))).toEqual([
      'SDNGOV>SDN:CONCEDE',
    ]);
    expect(
      dyads(code('President Laurent Gbagbo announced on Monday that he will extend the curfew in Abidjan.')),
    ).toEqual(['CIVGOV>CIV:THREATEN']);
  });

  it('does not take a country from a place in a later conditional clause', () => {
    expect(
      dyads(code('Jordan says it will refuse new refugees if fighting spreads in Syria.')),
    ).not.toContain('JOR>SYRREF:REJECT');
  });

  it('treats an explosion as an accident unless weapons are named', () => {
    expect(code('A school damaged by a chemical plant explosion in Ohio has reopened.')).toEqual([]);
  });
});

describe('civilian groups', () => {
  it('codes students as civilians of the place and their protest against their government', () => {
    expect(dyads(code('Thousands of students marched in Seoul on Monday.'))).toEqual([
      'KORCVL>KORGOV:PROTEST',
    ]);
    expect(dyads(code('Indonesian police arrested 20 students protesting against the government.'))).toEqual([
      'IDNCOP>IDNCVL:COERCE',
    ]);
  });

  it('reads hostages and prisoners as the persons released', () => {
    expect(dyads(code('Israel freed 400 Palestinian prisoners.'))).toEqual(['ISR>PSECVL:RETREAT']);
  });
});

describe('nouns and verbs inside phrases', () => {
  it('does not read a plural noun after an actor in a prepositional phrase as a verb', () => {
    expect(dyads(code('The Sandinista government lifted a ban on opposition rallies.'))).toEqual([
      '---GOV>---OPP:CONCEDE',
    ]);
  });

  it('finds a compound event noun that starts inside an actor phrase', () => {
    expect(
      dyads(code('Insurgents fired mortars, which drew a wave of artillery strikes.')).map(
        (d) => d.split(':')[1],
      ),
    ).toEqual(['ASSAULT']);
  });
});

describe('"at" with a party', () => {
  it('reads "at protesters" and "at the US embassy" as parties, not places', () => {
    expect(dyads(code('Police in Karachi fired tear gas at protesters.'))).toEqual(['PAKCOP>PAKCVL:COERCE']);
    expect(dyads(code('Protesters threw stones at the US embassy in Cairo.'))).toEqual([
      'EGYCVL>USAGOV:PROTEST',
    ]);
  });
});

describe('crime reports', () => {
  it('does not code police work or violence among criminals as political events', () => {
    expect(
      code(
        'Coast guards detained 12 people on a boat. Officials tied the case to a gang that smuggles migrants.',
      ),
    ).toEqual([]);
    expect(code('A grenade blast killed three men during a feud between rival drug gangs.')).toEqual([]);
  });

  it('keeps armed groups and state forces in a crime report', () => {
    expect(
      dyads(code('Al-Shabaab fighters attacked clan militiamen who tried to rob traders near Baidoa.')).map(
        (d) => d.split(':')[1],
      ),
    ).toEqual(['ASSAULT']);
  });
});

describe('words that cancel or require a verb reading', () => {
  it('reads "defended" as verbal support of a person or a decision, not of a territory', () => {
    expect(dyads(code('Trump defended Putin on Monday.'))).toEqual(['USAGOV>RUSGOV:SUPPORT']);
    expect(code('Nicolas Maduro said Venezuela would defend every inch of its territory.')).toEqual([]);
    expect(code('Ukrainian troops defended the city of Bakhmut for months.')).toEqual([]);
  });

  it('reads "strikes back" as force only with weapons or forces in the clause', () => {
    expect(dyads(code('China strikes back at US, expels envoys and closes a consulate'))).toEqual([
      'CHN>USAGOV:SANCTION',
    ]);
    expect(dyads(code('Israel struck back at Hamas with airstrikes on Gaza.'))).toEqual([
      'ISR>PSEREB:ASSAULT',
    ]);
  });
});

describe('the addressee of a participle', () => {
  it('takes the person written to as the target of "asking for"', () => {
    expect(
      dyads(
        code('Maduro also wrote to Chinese President Xi Jinping asking for broader military cooperation.'),
      ),
    ).toEqual(['VENGOV>CHNGOV:REQUEST']);
  });
});

describe("an official's own forces", () => {
  it('gives "the armed forces" the country of the official who speaks of them', () => {
    expect(
      dyads(
        code(
          'Venezuelan Defence Minister Vladimir Padrino said the armed forces had deployed 25,000 troops along the border with Colombia.',
        ),
      ),
    ).toEqual(['VENMIL>-:MOBILIZE']);
  });
});

describe('vocabulary that needs its object', () => {
  it('codes troop build-ups, missile tests, house arrest and disputed results', () => {
    expect(dyads(code('Russia has amassed troops on the border.'))).toEqual(['RUS>-:MOBILIZE']);
    expect(dyads(code('North Korea test-fired a ballistic missile on Sunday.'))).toEqual(['PRK>-:MOBILIZE']);
    expect(dyads(code('Egyptian police placed the opposition leader under house arrest.'))).toEqual([
      'EGYCOP>EGYOPP:COERCE',
    ]);
    expect(dyads(code('Pakistan alleged that India had sponsored the attack.'))).toEqual(['PAK>IND:ACCUSE']);
  });

  it('leaves the same verbs alone without that object', () => {
    expect(code('The government put forward a plan on Monday.')).toEqual([]);
    expect(code('The company shipped its new phones to Germany.')).toEqual([]);
    expect(code('The minister contested the seat in 2010.')).toEqual([]);
  });
});

describe('private parties', () => {
  it('does not code a firm signing contracts with unnamed suppliers', () => {
    expect(code('The company had signed long-term contracts with two suppliers to secure parts.')).toEqual(
      [],
    );
  });

  it('still codes a firm dealing with a state', () => {
    // an agreement "with" a partner is reciprocal: each party is a source
    expect(dyads(code('The company signed a contract with the Iraqi government.'))).toEqual([
      'IRQBUS>-:SUPPORT',
      'IRQGOV>-:SUPPORT',
    ]);
  });
});

describe('elites outside the state', () => {
  it('codes elders and tribal leaders as ELI, facing their own government', () => {
    expect(dyads(code('Ibo traditional elders have demanded the resignation of the governor.'))).toEqual([
      'NGAELI>NGAGOV:REQUEST',
    ]);
    expect(dyads(code('Tribal leaders in Anbar called on the government to release prisoners.'))).toEqual([
      'IRQELI>IRQGOV:REQUEST',
    ]);
  });
});

describe('targets in a purpose clause', () => {
  it('takes the people fired on from "to disperse …"', () => {
    expect(dyads(code('Riot police in Egypt opened fire to disperse Islamist marchers.'))).toEqual([
      'EGYCOP>EGYCVL:ASSAULT',
    ]);
    expect(dyads(code('Police used tear gas to disperse students in Nairobi.'))).toEqual([
      'KENCOP>KENCVL:COERCE',
    ]);
  });
});

describe('military objects and territory', () => {
  it('codes destroying military objects, taking control and pushing forces out', () => {
    expect(dyads(code('Turkish jets destroyed weapon depots in northern Iraq.'))).toEqual([
      'TURMIL>IRQ:ASSAULT',
    ]);
    expect(dyads(code('Somali troops pushed al-Shabab fighters out of two villages.'))).toEqual([
      'SOMMIL>SOMREB:ASSAULT',
    ]);
    expect(dyads(code('Iraqi troops took control of the village on Monday.'))).toEqual(['IRQMIL>-:ASSAULT']);
  });

  it('does not code storms, caches or drives', () => {
    expect(code('The storm destroyed vehicles in Miami.')).toEqual([]);
    expect(code('The army destroyed caches of old weapons.')).toEqual([]);
    expect(code('He drove out of the city on Monday.')).toEqual([]);
  });
});

describe('chemical weapons', () => {
  it('codes a chemical or gas attack as ASSAULT with CAMEO 204', () => {
    const [event] = code('The Syrian government carried out a chemical attack on Douma on Saturday.');
    expect([event?.source?.code, event?.type, event?.cameo.code, event?.mode]).toEqual([
      'SYRGOV',
      'ASSAULT',
      '204',
      'chemical',
    ]);
  });
});

describe('events of an "after" clause', () => {
  it('finds the subject after "after" and keeps the event when the main clause has none', () => {
    expect(dyads(code('Children were injured after Israel bombed Gaza.'))).toEqual(['ISR>PSE:ASSAULT']);
    expect(dyads(code('Dozens of children were treated after Assad carried out a chemical attack.'))).toEqual(
      ['SYRGOV>-:ASSAULT'],
    );
  });

  it('does not take an actor after "after" for the subject when a noun phrase follows it', () => {
    expect(dyads(code("Syria, after Russia's help, attacked rebels in Idlib."))).toEqual([
      'SYR>SYRREB:ASSAULT',
    ]);
  });

  it('leaves it in the background when the main clause has an event', () => {
    expect(code('Officials met in Cairo after Israel bombed Gaza.').map((e) => e.type)).toEqual(['CONSULT']);
  });
});

describe('diplomatic ties and plural subjects', () => {
  it('reads ties restored or downgraded with words in between', () => {
    expect(dyads(code('Kuwait restored full diplomatic ties with Libya.'))).toEqual(['KWT>LBY:SUPPORT']);
    expect(dyads(code('Saudi Arabia downgraded its diplomatic ties with Lebanon.'))).toEqual([
      'SAU>LBN:SANCTION',
    ]);
    expect(code('The army restored order in the capital.')).toEqual([]);
  });

  it('takes two coordinated actors as a plural subject of a present-tense verb', () => {
    expect(dyads(code('Vietnam and France agree that the quarrel should go to arbitration.'))).toEqual([
      'VNM>-:AGREE',
      'FRA>-:AGREE',
    ]);
  });
});

describe('"concluded"', () => {
  it('is signing only with an agreement; a concluded investigation is an investigation', () => {
    expect(dyads(code('Russia and Ukraine concluded an agreement on gas transit.'))).toEqual([
      'RUS>-:SUPPORT',
      'UKR>-:SUPPORT',
    ]);
    expect(dyads(code('The UN concluded its investigation into the killings.'))).toEqual(['IGOUNO>-:ACCUSE']);
    expect(code('The EU concluded that Iran had violated the deal.').map((e) => e.type)).not.toContain(
      'SUPPORT',
    );
  });
});
