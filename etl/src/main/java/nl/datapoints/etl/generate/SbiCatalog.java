package nl.datapoints.etl.generate;

import java.util.List;

/**
 * Real SBI 2008 codes (Dutch standard industrial classification) with English labels, how common
 * each kind of business is, how busy one of them is and when it is open.
 */
final class SbiCatalog {

  /**
   * One SBI code.
   *
   * @param share relative number of merchants with this code
   * @param busyness relative number of events per merchant
   */
  record Sbi(String code, String label, Opening opening, double share, double busyness) {}

  static final List<Sbi> CODES =
      List.of(
          new Sbi("4711", "Supermarkets", Opening.SUPERMARKET, 6, 20),
          new Sbi("4719", "Department stores", Opening.SHOP, 0.5, 8),
          new Sbi("4721", "Greengrocers", Opening.SHOP, 1, 0.5),
          new Sbi("4722", "Butchers", Opening.SHOP, 1, 0.5),
          new Sbi("4724", "Bakeries and confectioners", Opening.SHOP, 2, 4),
          new Sbi("4725", "Liquor stores", Opening.SHOP, 1, 0.5),
          new Sbi("4726", "Tobacconists", Opening.SHOP, 1, 0.5),
          new Sbi("4730", "Petrol stations", Opening.ALWAYS, 2, 6),
          new Sbi("4741", "Computer and software shops", Opening.SHOP, 1, 0.5),
          new Sbi("4742", "Telecom shops", Opening.SHOP, 1, 0.5),
          new Sbi("4752", "DIY and hardware stores", Opening.SHOP, 1.5, 4),
          new Sbi("4759", "Furniture and lighting shops", Opening.SHOP, 1.5, 0.5),
          new Sbi("4761", "Bookshops", Opening.SHOP, 1, 0.375),
          new Sbi("4764", "Sports goods shops", Opening.SHOP, 1, 0.5),
          new Sbi("4765", "Toy shops", Opening.SHOP, 0.5, 0.375),
          new Sbi("4771", "Clothing shops", Opening.SHOP, 6, 6),
          new Sbi("4772", "Shoe and leather goods shops", Opening.SHOP, 2, 0.5),
          new Sbi("4773", "Pharmacies", Opening.SHOP, 1, 3),
          new Sbi("4775", "Drugstores and perfumeries", Opening.SHOP, 2, 5),
          new Sbi("4776", "Flower plant and pet shops", Opening.SHOP, 1.5, 0.375),
          new Sbi("4777", "Jewellers and watch shops", Opening.SHOP, 1, 0.25),
          new Sbi(
              "4778", "Other retail of new goods (opticians and others)", Opening.SHOP, 2, 0.375),
          new Sbi("4779", "Second-hand shops", Opening.SHOP, 1, 0.25),
          new Sbi("4781", "Market stalls selling food", Opening.SHOP, 1, 0.5),
          new Sbi("4791", "Mail order and internet retail", Opening.ALWAYS, 0.5, 8),
          new Sbi("4910", "Passenger rail transport", Opening.TRANSPORT, 0.3, 40),
          new Sbi("4931", "Urban and suburban public transport", Opening.TRANSPORT, 0.5, 20),
          new Sbi("4932", "Taxi operation", Opening.ALWAYS, 1, 0.25),
          new Sbi("5221", "Parking garages and road services", Opening.ALWAYS, 1, 3),
          new Sbi("5510", "Hotels", Opening.ALWAYS, 1.5, 0.5),
          new Sbi("5530", "Camping grounds", Opening.LEISURE, 0.3, 0.25),
          new Sbi("5610", "Restaurants", Opening.RESTAURANT, 6, 6),
          new Sbi("56102", "Fast-food restaurants and snack bars", Opening.FAST_FOOD, 4, 7),
          new Sbi("5630", "Cafes and bars", Opening.CAFE, 5, 6),
          new Sbi("56", "Food and beverage service activities", Opening.RESTAURANT, 1, 3),
          new Sbi("5914", "Cinemas", Opening.LEISURE, 0.3, 3),
          new Sbi("6419", "Banks", Opening.OFFICE, 1, 3),
          new Sbi("8610", "Hospitals", Opening.ALWAYS, 0.2, 5),
          new Sbi("8621", "General practitioners", Opening.OFFICE, 1, 0.25),
          new Sbi("9102", "Museums", Opening.LEISURE, 0.4, 2),
          new Sbi("9311", "Sports facilities", Opening.LEISURE, 1.5, 3),
          new Sbi("9313", "Fitness centres", Opening.LEISURE, 1.5, 4),
          new Sbi("9321", "Amusement parks", Opening.LEISURE, 0.1, 5),
          new Sbi("9602", "Hairdressers and beauty salons", Opening.SHOP, 2.5, 0.25),
          new Sbi("47", "Retail trade", Opening.SHOP, 1, 0.5),
          new Sbi("93", "Sports and recreation", Opening.LEISURE, 0.5, 0.5));

  /** Index of mail order and internet retail: its events carry the customer's home postcode. */
  static final int ONLINE = indexOf("4791");

  private SbiCatalog() {}

  static int indexOf(String code) {
    for (int i = 0; i < CODES.size(); i++) {
      if (CODES.get(i).code().equals(code)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown SBI code " + code);
  }
}
