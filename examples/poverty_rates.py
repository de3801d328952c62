"""Poverty rates of two communes from a household table, and the NTM observation they give.

The household table below is ILLUSTRATIVE: made-up households, not survey data.
The poverty lines and indicators are the national ones (Decree 07/2021/NĐ-CP);
the criterion set assessed at the end is the illustrative demo set.
Run: python examples/poverty_rates.py
"""

from __future__ import annotations

import datetime

from ntm_criteria import Locality, assess, demo
from ntm_criteria.poverty import classify, reads_households, to_observation
from ntm_criteria.text import format_percent

# ILLUSTRATIVE households: id, commune, area, members, income per person per
# month (Vietnamese numbers), then the 12 deprivation indicators of Decree
# 07/2021 (1 = deprived, 0 = not, empty = unknown).
HOUSEHOLDS = """\
id,commune,village,area,members,income,employment,dependants,nutrition,health_insurance,adult_education,school_attendance,housing_quality,floor_area,water,latrine,telecom,information_means
H01,04036,Bản Hụm,nông thôn,4,1.400.000,1,0,0,1,0,0,0,0,0,1,0,0
H02,04036,Bản Hụm,nông thôn,5,1.500.000,0,0,0,0,0,0,0,0,0,1,0,0
H03,04036,Bản Hụm,nông thôn,3,"1.650.000,5",1,0,0,0,0,0,1,1,0,0,0,0
H04,04036,Bản Nà,nông thôn,6,2.100.000,0,0,0,0,0,0,0,0,0,0,0,0
H05,04036,Bản Nà,nông thôn,2,3.000.000,0,0,0,0,0,0,0,0,0,0,0,0
H06,04036,Bản Nà,nông thôn,4,1.100.000,1,1,0,0,1,0,0,0,1,1,0,1
H07,04036,Bản Nà,nông thôn,5,2.400.000,0,0,0,0,0,0,0,0,0,0,0,0
H08,04036,Bản Hụm,nông thôn,3,1.900.000,0,1,0,0,0,0,0,0,0,0,0,0
H09,04039,Tổ 3,thành thị,4,2.000.000,1,1,0,1,0,0,0,0,0,0,0,0
H10,04039,Tổ 3,thành thị,3,2.600.000,0,0,0,0,0,0,0,0,0,0,0,0
H11,04039,Tổ 3,thành thị,5,1.800.000,0,0,0,0,0,0,0,0,1,,,
H12,04039,Tổ 5,thành thị,2,4.500.000,0,0,0,0,0,0,0,0,0,0,0,0
"""

ON = datetime.date(2023, 6, 30)


def main() -> None:
    table = reads_households(HOUSEHOLDS, file="illustrative households")
    print(f"{len(table)} ILLUSTRATIVE households, classified on {ON:%d/%m/%Y}\n")

    for household in table.households()[:3]:
        print(classify(household, on=ON).summary("vi"))
    print()

    communes = table.rates_by("commune", on=ON)
    for figures in communes.values():
        print(figures.summary("vi"))
        deprived = {
            name: format_percent(headcount.share, decimals=1)
            for name, headcount in figures.dimensions.items()
            if headcount.share
        }
        print("  thiếu hụt theo chiều:", deprived)

    # Commune 04039 has an undetermined household (H11: unknown deprivations),
    # so its rate would be a guess: to_observation refuses it unless asked.
    figures = communes["04036"]
    observation = to_observation(figures, "11.1")
    print(f"\nNTM observation for commune 04036: {observation}")

    commune = Locality("03664", "Chiềng Xôm", "commune", region="TDMNPB")
    result = assess(commune, demo.criterion_set(), [observation], on=ON)
    print(result.criterion(11).summary("vi"))
    print("(the demo set and its 6 % ceiling are illustrative)")


if __name__ == "__main__":
    main()
