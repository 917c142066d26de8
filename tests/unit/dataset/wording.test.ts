import { describe, expect, it } from 'vitest';
import { forbidsStrongWording, seriesMovement, strongWords } from '../../../lib/dataset/wording';

describe('strongWords', () => {
  it('finds deportation and abduction words in the quote languages', () => {
    expect(strongWords('Russia deported and abducted children')).toEqual(['deported', 'abducted']);
    expect(strongWords('Росія депортувала та викрала дітей')).toEqual(['депортувала', 'викрала']);
    expect(strongWords('Россия ДЕПОРТИРОВАЛА детей, похищенных')).toEqual([
      'депортировала',
      'похищенных',
    ]);
    expect(strongWords('Les enfants déportés ont été enlevés')).toEqual(['déportés', 'enlevés']);
    expect(strongWords('dzieci uprowadzone i porwane')).toEqual(['uprowadzone', 'porwane']);
  });

  it('leaves the neutral words of both sides alone', () => {
    expect(strongWords('эвакуированы 28731 человек, в том числе 5619 детей')).toEqual([]);
    expect(strongWords('в РФ прибыло свыше 5,4 млн человек, включая 744 тыс. детей')).toEqual([]);
    expect(strongWords('нашли 285 анкет вывезенных детей')).toEqual([]);
    expect(strongWords('the Russian Federation has received about 4.8 million residents')).toEqual(
      [],
    );
  });

  it('matches at the start of a word only', () => {
    expect(strongWords('redeployment of troops')).toEqual([]);
  });
});

describe('which series forbid strong wording', () => {
  it('arrivals and placements do; deportations, returns and reunifications do not', () => {
    expect(forbidsStrongWording({ movement: 'arrived', stance: 'official-claim' })).toBe(true);
    expect(forbidsStrongWording({ movement: 'placed', stance: 'official-claim' })).toBe(true);
    expect(forbidsStrongWording({ movement: 'deported', stance: 'documented' })).toBe(false);
    expect(forbidsStrongWording({ movement: 'returned', stance: 'documented' })).toBe(false);
    expect(forbidsStrongWording({ movement: 'reunited', stance: 'official-claim' })).toBe(false);
  });

  it('an official claim that names no movement is held to "arrived"; other series are not', () => {
    expect(seriesMovement({ stance: 'official-claim' })).toBe('arrived');
    expect(seriesMovement({ stance: 'documented' })).toBeUndefined();
    expect(forbidsStrongWording({ stance: 'estimate' })).toBe(false);
  });
});
